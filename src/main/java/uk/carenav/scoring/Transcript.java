package uk.carenav.scoring;

import java.util.List;
import uk.carenav.scenario.CallAction;

/** The ordered actions of one call, for one scenario id, version and variant. */
public record Transcript(String scenarioId, int version, String variantId, List<CallAction> actions) {

    public Transcript {
        actions = List.copyOf(actions);
    }
}
