package uk.carenav.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import uk.carenav.HandClock;

/**
 * The lockout table is bounded by size and age, and a flood of made-up names does not unlock a locked one. On a
 * real H2 database with the application's migrations; that the lockout holds across instances is
 * {@link LockoutAcrossInstancesTest}.
 */
class LoginAttemptsTest {

    private final HandClock clock = new HandClock();
    private final LoginAttempts attempts = attempts(clock);

    static LoginAttempts attempts(Clock clock) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:lockout-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new LoginAttempts(JdbcClient.create(ds), new DataSourceTransactionManager(ds), 3, Duration.ofMinutes(15), clock);
    }

    @Test
    void aFloodOfMadeUpNamesNeverGrowsTheTablePastItsBound() {
        for (int i = 0; i < 35_000; i++) {
            attempts.failed("made-up-" + i);
            clock.tick(Duration.ofMillis(1));
            assertThat(attempts.tracked()).isLessThanOrEqualTo(LoginAttempts.MAX_TRACKED);
        }
    }

    @Test
    void aLockedNameStaysLockedThroughAFlood() {
        for (int i = 0; i < 3; i++) {
            attempts.failed("trainee5");
        }
        assertThat(attempts.locked("trainee5")).isTrue();
        for (int i = 0; i < 3 * LoginAttempts.MAX_TRACKED; i++) {
            clock.tick(Duration.ofMillis(1));
            attempts.failed("made-up-" + i);
        }
        assertThat(attempts.locked("trainee5")).isTrue();
    }

    @Test
    void namesWhoseLockoutHasPassedAreForgotten() {
        for (int i = 0; i < LoginAttempts.MAX_TRACKED - 1; i++) {
            attempts.failed("old-" + i);
        }
        clock.tick(Duration.ofMinutes(16));
        attempts.failed("new-1");
        attempts.failed("new-2");
        assertThat(attempts.tracked()).isEqualTo(2);
    }

    @Test
    void theLockEndsAfterTheLockout() {
        for (int i = 0; i < 3; i++) {
            attempts.failed(" Trainee5 ");
        }
        assertThat(attempts.locked("trainee5")).isTrue();
        clock.tick(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(attempts.locked("trainee5")).isFalse();
    }
}
