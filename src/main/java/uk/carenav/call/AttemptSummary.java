package uk.carenav.call;

import java.time.Instant;
import java.util.Locale;

/**
 * One attempt at a scenario, as lists show it. Result fields are null until the call has ended. {@code inputMode}
 * says whether the trainee typed in their own words or chose from the list.
 */
public record AttemptSummary(String id, String scenarioId, int scenarioVersion, String variantId, String title,
        String category, Mode mode, boolean completed, Instant startedAt, Instant endedAt, Double percentage,
        String band, Boolean passed, Boolean critical, InputMode inputMode) {

    /** "Assessment, conversation". */
    public String modeLabel() {
        return mode.label() + ", " + inputMode.label().toLowerCase(Locale.ROOT);
    }
}
