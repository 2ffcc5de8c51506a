package uk.carenav.scoring;

import uk.carenav.scenario.Severity;

/**
 * One line of the score card: an item of the rubric, what was expected, what the trainee did, the
 * points it gave or took, and why. {@code severity} is null for an item met in full.
 */
public record Finding(Segment segment, String item, String expected, String did, Severity severity, int points,
        int possible, String feedback, String source) {

    /** True when the item cost points or is a deviation. */
    public boolean deviation() {
        return severity != null;
    }

    public boolean critical() {
        return severity == Severity.CRITICAL;
    }
}
