package uk.carenav.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
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

    /**
     * The most usernames tracked at once. Names are at most {@link SignInLimits#MAX_USERNAME}
     * characters, so the table stays under a few MB however many made-up names arrive.
     */
    static final int MAX_TRACKED = 10_000;

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
        if (failures.size() >= MAX_TRACKED) {
            forgetOld(now);
        }
        failures.compute(key(username), (k, f) -> {
            int count = (f == null || (f.lockedUntil() != null && now.isAfter(f.lockedUntil()))) ? 1 : f.count() + 1;
            return new Failures(count, count >= maxFailures ? now.plus(lockout) : null, now);
        });
    }

    /**
     * Drops names whose last failure is older than the lockout (they would start again at one
     * anyway); if the table is still full, drops the names that failed longest ago, names that are
     * not locked first, so a flood of made-up names can neither grow the table nor cheaply unlock a
     * name under attack.
     */
    private void forgetOld(Instant now) {
        Instant expired = now.minus(lockout);
        failures.entrySet().removeIf(e -> e.getValue().last().isBefore(expired));
        int excess = failures.size() - MAX_TRACKED * 9 / 10;
        if (excess > 0) {
            failures.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue(Comparator
                            .comparing((Failures f) -> f.lockedUntil() != null && now.isBefore(f.lockedUntil()))
                            .thenComparing(Failures::last)))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(failures::remove);
        }
    }

    int tracked() {
        return failures.size();
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
