package uk.carenav.call;

import java.util.List;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;
import uk.carenav.scoring.ScoreCard;

/** A finished call: its score card, the scenario as it was, and every step for the replay. */
public record Debrief(AttemptSummary attempt, Scenario scenario, Catalogue catalogue, ScoreCard scoreCard,
        List<CallEvent> events, List<Rescore> rescores, List<Review> reviews) {
}
