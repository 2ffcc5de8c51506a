package uk.carenav.scenario;

/**
 * One thing a navigator does on a call: the steps of a transcript and of a scenario's model answer.
 * {@code at} is seconds since the call started, or null when not recorded.
 */
public sealed interface CallAction {

    Double at();

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
