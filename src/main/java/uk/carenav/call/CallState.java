package uk.carenav.call;

import java.util.List;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;

/**
 * Everything the call page needs to show a call, new or resumed: the scenario as it was and every step so far.
 * {@code shift} is how the call belongs to a shift, or null for a single call.
 */
public record CallState(AttemptSummary attempt, Scenario scenario, Catalogue catalogue, List<CallEvent> events,
        long elapsedSeconds, boolean readAloud, ShiftLink shift) {

    /** Hints only on a single practice call: a shift is taken as a real shift would be. */
    public boolean hintsAllowed() {
        return attempt.mode() == Mode.PRACTICE && shift == null;
    }

    public Scenario.Variant variant() {
        return scenario.variant(attempt.variantId()).orElseThrow();
    }

    /** What the caller says first: in a shift, a hidden red flag may start with an ordinary request. */
    public String opening() {
        return shift != null && shift.opening() != null ? shift.opening() : scenario.opening();
    }

    /** True when the trainee types every step: assessments and shift calls (no list to recognise from). */
    public boolean ownWordsOnly() {
        return attempt.mode() == Mode.ASSESSMENT || shift != null;
    }
}
