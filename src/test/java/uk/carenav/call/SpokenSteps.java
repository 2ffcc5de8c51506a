package uk.carenav.call;

import java.util.List;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;

/**
 * Plays steps into a call the way a trainee takes a conversational call: questions, statements and
 * safety-netting are typed (their own words from the scenario), everything else recorded as it is.
 * Fails at once if a step is heard as something else, so a test never passes on a misheard call.
 */
public final class SpokenSteps {

    private SpokenSteps() {
    }

    public static void play(CallService calls, String attemptId, Scenario s, Catalogue c, List<CallAction> steps) {
        for (CallAction a : steps) {
            String[] words = words(a, s, c);
            if (words == null) {
                calls.record(attemptId, a);
                continue;
            }
            CallService.Said said = calls.say(attemptId, words[0]);
            if (!words[1].equals(said.heard().itemId())) {
                throw new IllegalStateException("\u201C" + words[0] + "\u201D was heard as " + said.heard());
            }
        }
    }

    /** The words and the id they must be heard as, or null for a step that is not spoken. */
    static String[] words(CallAction a, Scenario s, Catalogue c) {
        if (a instanceof CallAction.Ask x) {
            return new String[] {s.question(x.questionId()).orElseThrow().text(), x.questionId()};
        }
        if (a instanceof CallAction.Say x) {
            return new String[] {s.statement(x.statementId()).orElseThrow().text(), x.statementId()};
        }
        if (a instanceof CallAction.SafetyNet x) {
            return new String[] {c.safetyNetting().get(x.stepId()).wording(), x.stepId()};
        }
        return null;
    }
}
