package uk.carenav.call;

import java.util.List;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;

/** Everything the call page needs to show a call, new or resumed: the scenario as it was and every step so far. */
public record CallState(AttemptSummary attempt, Scenario scenario, Catalogue catalogue, List<CallEvent> events,
        long elapsedSeconds, boolean readAloud) {

    public boolean hintsAllowed() {
        return attempt.mode() == Mode.PRACTICE;
    }

    public Scenario.Variant variant() {
        return scenario.variant(attempt.variantId()).orElseThrow();
    }
}
