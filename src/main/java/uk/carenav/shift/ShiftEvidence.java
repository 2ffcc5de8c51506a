package uk.carenav.shift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A trainee's passed shifts as readiness counts them, for work that runs without a signed-in user (keeping the
 * status table up to date). It checks no access: the services that show shifts to people do that.
 */
@Component
public class ShiftEvidence {

    private final ShiftStore store;
    private final Clock clock;

    ShiftEvidence(ShiftStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** When the trainee's newest passed shift ended, if they have one. */
    @Transactional(readOnly = true)
    public Optional<Instant> newestPassed(long traineeId) {
        return store.newestPassed(traineeId);
    }

    /** How many of the trainee's shifts passed in the last {@code days} days. */
    @Transactional(readOnly = true)
    public int passedInLast(long traineeId, int days) {
        return store.passedSince(traineeId, clock.instant().minus(Duration.ofDays(days)));
    }
}
