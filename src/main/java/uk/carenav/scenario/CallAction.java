package uk.carenav.scenario;

/**
 * One thing a navigator does on a call: the steps of a transcript and of a scenario's model answer.
 * {@code at} is seconds since the call started, or null when not recorded.
 */
public sealed interface CallAction {

    Double at();

    /**
     * The step in words, as the debrief's replay and model answer and the clinical review page show it:
     * "Ask: ...", "Say: “...”", "Route: ...", "Safety-net: “...”", "Note: ...", "Confidence: n of 5".
     */
    static String describe(CallAction a, Scenario s, Catalogue c) {
        if (a instanceof Ask x) {
            return "Ask: " + s.question(x.questionId()).map(Scenario.Question::text).orElse(x.questionId());
        }
        if (a instanceof Say x) {
            return "Say: \u201C" + s.statement(x.statementId()).map(Scenario.Statement::text).orElse(x.statementId()) + "\u201D";
        }
        if (a instanceof ChooseRoute x) {
            return "Route: " + (c.routes().containsKey(x.routeId()) ? c.routes().get(x.routeId()).name() : x.routeId());
        }
        if (a instanceof SafetyNet x) {
            return "Safety-net: \u201C" + (c.safetyNetting().containsKey(x.stepId()) ? c.safetyNetting().get(x.stepId()).wording()
                    : x.stepId()) + "\u201D";
        }
        if (a instanceof WriteNote x) {
            return "Note: " + x.text();
        }
        if (a instanceof RateConfidence x) {
            return "Confidence: " + x.value() + " of 5";
        }
        return a.toString();
    }

    record Ask(String questionId, Double at) implements CallAction {
    }

    record Say(String statementId, Double at) implements CallAction {
    }

    record ChooseRoute(String routeId, Double at) implements CallAction {
    }

    record SafetyNet(String stepId, Double at) implements CallAction {
    }

    record WriteNote(String text, Double at) implements CallAction {
    }

    record RateConfidence(int value, Double at) implements CallAction {
    }
}
