package uk.carenav.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Made-up usernames cannot flood the audit log, a real account's failed sign-in says why in words, and the
 * administrators' view filters and pages the log.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@WithMockUser(username = "admin", roles = "ADMIN")
class AuditFloodTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    AuditTrail trail;

    @Test
    void thousandsOfFailedSignInsWithMadeUpNamesWriteOneEntryAMinuteAtMost() {
        int before = trail.count(AuditTrail.Filter.ALL);
        for (int i = 0; i < 5000; i++) {
            fail("nobody-" + i);
        }
        int written = trail.count(AuditTrail.Filter.ALL) - before;
        assertThat(written).isBetween(1, 2);
        AuditTrail.Entry summary = trail.page(new AuditTrail.Filter(null, null, "SIGN_IN_FAILED_UNKNOWN", null), 0, 1).get(0);
        assertThat(summary.detail()).contains("matches no account").contains("nobody-");
        assertThat(summary.actor()).isEqualTo("(unknown usernames)");
    }

    @Test
    void aRealAccountsFailedSignInIsRecordedWithAReadableReason() {
        fail("trainee2");
        AuditTrail.Entry e = trail.page(new AuditTrail.Filter(null, null, "SIGN_IN_FAILED", "trainee2"), 0, 1).get(0);
        assertThat(e.detail()).isEqualTo("wrong password");
        assertThat(e.actor()).isEqualTo("trainee2");
    }

    @Test
    void theLogFiltersByActionPersonAndDateAndPagesNewestFirst() {
        for (int i = 0; i < 30; i++) {
            trail.record("admin", "TEST_PAGING", "entry " + i);
        }
        trail.record("supervisor1", "TEST_PAGING", "by someone else");
        AuditTrail.Filter paging = new AuditTrail.Filter(null, null, "TEST_PAGING", null);
        assertThat(trail.count(paging)).isEqualTo(31);
        var first = trail.page(paging, 0, 10);
        var second = trail.page(paging, 10, 10);
        assertThat(first).hasSize(10);
        assertThat(first.get(0).detail()).isEqualTo("by someone else");
        assertThat(second.get(0).id()).isLessThan(first.get(9).id());
        assertThat(trail.count(new AuditTrail.Filter(null, null, "TEST_PAGING", "SUPER"))).isEqualTo(1);
        assertThat(trail.count(new AuditTrail.Filter(null, null, "TEST_PAGING", "%"))).isZero();
        Instant now = Instant.now();
        assertThat(trail.count(new AuditTrail.Filter(now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS),
                "TEST_PAGING", null))).isEqualTo(31);
        assertThat(trail.count(new AuditTrail.Filter(now.plus(1, ChronoUnit.HOURS), null, "TEST_PAGING", null))).isZero();
        assertThat(trail.actions()).contains("TEST_PAGING");
        assertThat(trail.verify().intact()).isTrue();
    }

    private void fail(String username) {
        events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                new UsernamePasswordAuthenticationToken(username, "not-the-password"), new BadCredentialsException("Bad credentials")));
    }
}
