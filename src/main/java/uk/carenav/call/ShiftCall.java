package uk.carenav.call;

import uk.carenav.scoring.ScoreCard;

/**
 * One call answered in a shift: as it stands after supervisors' overrides, its score card (null until it has
 * ended) and how it belongs to the shift.
 */
public record ShiftCall(AttemptSummary attempt, ScoreCard scoreCard, ShiftLink link) {
}
