package uk.carenav.call;

import java.time.Instant;

/** A supervisor's review of an assessed call: a finding's severity changed, or a comment. */
public sealed interface Review {

    String by();

    Instant at();

    /** Finding number {@code findingNo} (its position in the score card) changed from one severity to another, or WAIVED. */
    record FindingOverride(int findingNo, String item, String originalSeverity, String newSeverity, String reason, String by,
            Instant at) implements Review {
    }

    record Comment(String text, String by, Instant at) implements Review {
    }
}
