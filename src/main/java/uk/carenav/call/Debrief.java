package uk.carenav.call;

import java.util.List;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;
import uk.carenav.scoring.ScoreCard;

/**
 * A finished call: its score card, the scenario as it was, and every step for the replay. {@code shift} is how
 * the call belongs to a shift, or null for a single call.
 */
public record Debrief(AttemptSummary attempt, Scenario scenario, Catalogue catalogue, ScoreCard scoreCard,
        List<CallEvent> events, List<Rescore> rescores, List<Review> reviews, ShiftLink shift) {

    /** What the caller said first (in a shift, a hidden red flag may start with an ordinary request). */
    public String opening() {
        return shift != null && shift.opening() != null ? shift.opening() : scenario.opening();
    }
}
