package uk.carenav.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Locks a username for a while after repeated failed sign-ins ({@code carenav.security.max-failed-sign-ins},
 * default 5, for {@code carenav.security.lockout}, default 15 minutes). Works the same for names that
 * do not exist, so it reveals nothing; the sign-in page shows its one generic message either way.
 */
@Component
class LoginAttempts {

    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant lockedUntil, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;

    LoginAttempts(@Value("${carenav.security.max-failed-sign-ins:5}") int maxFailures,
            @Value("${carenav.security.lockout:15m}") Duration lockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    boolean locked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil());
    }

    void failed(String username) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.entrySet().removeIf(e -> e.getValue().last().isBefore(now.minus(lockout)));
        }
        failures.compute(key(username), (k, f) -> {
            int count = (f == null || (f.lockedUntil() != null && now.isAfter(f.lockedUntil()))) ? 1 : f.count() + 1;
            return new Failures(count, count >= maxFailures ? now.plus(lockout) : null, now);
        });
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
