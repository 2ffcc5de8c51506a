package uk.carenav.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locks a username for a while after repeated failed sign-ins ({@code carenav.security.max-failed-sign-ins},
 * default 5, for {@code carenav.security.lockout}, default 15 minutes). Works the same for names that
 * do not exist, so it reveals nothing; the sign-in page shows its one generic message either way. The counts
 * are kept in the database ({@code sign_in_failure}), so the lockout holds on every instance that shares it.
 */
@Component
class LoginAttempts {

    /**
     * The most usernames tracked at once. Names are at most {@link SignInLimits#MAX_USERNAME}
     * characters, so the table stays small however many made-up names arrive.
     */
    static final int MAX_TRACKED = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;

    LoginAttempts(JdbcClient jdbc, PlatformTransactionManager transactions,
            @Value("${carenav.security.max-failed-sign-ins:5}") int maxFailures,
            @Value("${carenav.security.lockout:15m}") Duration lockout, Clock clock) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    boolean locked(String username) {
        Timestamp until = jdbc.sql("select locked_until from sign_in_failure where username_key = ?").param(key(username))
                .query(Timestamp.class).optional().orElse(null);
        return until != null && clock.instant().isBefore(until.toInstant());
    }

    void failed(String username) {
        String key = key(username);
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp lockedFrom = Timestamp.from(clock.instant().plus(lockout));
        own.executeWithoutResult(s -> {
            if (countAgain(key, now, lockedFrom) == 0) {
                if (tracked() >= MAX_TRACKED) {
                    forgetOld(clock.instant());
                }
                try {
                    own.executeWithoutResult(t -> jdbc.sql("""
                            insert into sign_in_failure (username_key, failures, locked_until, last_failure)
                            values (?, 1, ?, ?)""").params(key, maxFailures <= 1 ? lockedFrom : null, now).update());
                } catch (DuplicateKeyException raced) {
                    // Another instance or request counted this name first: count on top of it.
                    countAgain(key, now, lockedFrom);
                }
            }
        });
    }

    /** One more failure for a name already tracked (from one again when its lock has passed); rows changed. */
    private int countAgain(String key, Timestamp now, Timestamp lockedFrom) {
        return jdbc.sql("""
                update sign_in_failure
                set failures = case when locked_until is not null and locked_until < :now then 1 else failures + 1 end,
                    locked_until = case when (case when locked_until is not null and locked_until < :now then 1
                                                   else failures + 1 end) >= :max
                                    then cast(:lockedFrom as timestamp with time zone) end,
                    last_failure = :now
                where username_key = :key""")
                .param("now", now).param("max", maxFailures).param("lockedFrom", lockedFrom).param("key", key).update();
    }

    /**
     * Drops names whose last failure is older than the lockout (they would start again at one
     * anyway); if the table is still nearly full, drops the names that failed longest ago, names that are
     * not locked first, so a flood of made-up names can neither grow the table nor cheaply unlock a
     * name under attack.
     */
    private void forgetOld(Instant now) {
        jdbc.sql("delete from sign_in_failure where last_failure < ?").param(Timestamp.from(now.minus(lockout))).update();
        int excess = tracked() - MAX_TRACKED * 9 / 10;
        if (excess > 0) {
            jdbc.sql("""
                    delete from sign_in_failure where username_key in (
                        select username_key from sign_in_failure
                        order by case when locked_until is not null and locked_until > ? then 1 else 0 end, last_failure
                        fetch first %d rows only)""".formatted(excess)).param(Timestamp.from(now)).update();
        }
    }

    int tracked() {
        return jdbc.sql("select count(*) from sign_in_failure").query(Integer.class).single();
    }

    void succeeded(String username) {
        jdbc.sql("delete from sign_in_failure where username_key = ?").param(key(username)).update();
    }

    private static String key(String username) {
        String k = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        // Longer names are refused before authentication; the key is cut to the column for safety.
        return k.length() > SignInLimits.MAX_USERNAME ? k.substring(0, SignInLimits.MAX_USERNAME) : k;
    }
}
