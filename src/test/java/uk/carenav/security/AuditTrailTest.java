package uk.carenav.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@WithMockUser(username = "admin", roles = "ADMIN")
class AuditTrailTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anIntactChainVerifies() {
        trail.record("admin", "ACCOUNT_CREATED", "created someone");
        trail.record("admin", "PASSWORD_RESET", "reset the password of someone");
        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.entriesChecked()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aChangedEntryIsNamed() {
        trail.record("admin", "ACCOUNT_CREATED", "created someone");
        trail.record("admin", "ACCOUNT_DEACTIVATED", "someone");
        trail.record("admin", "PASSWORD_RESET", "reset the password of someone");
        long tampered = jdbc.sql("select id from audit_event where action = 'ACCOUNT_DEACTIVATED'").query(Long.class).single();
        jdbc.sql("update audit_event set detail = 'nobody' where id = ?").param(tampered).update();

        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenId()).isEqualTo(tampered);
        assertThat(v.problem()).contains("was changed");
    }

    @Test
    void aRemovedEntryIsFound() {
        trail.record("admin", "ACCOUNT_CREATED", "one");
        trail.record("admin", "ACCOUNT_CREATED", "two");
        trail.record("admin", "ACCOUNT_CREATED", "three");
        long second = jdbc.sql("select id from audit_event where detail = 'two'").query(Long.class).single();
        jdbc.sql("delete from audit_event where id = ?").param(second).update();
        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("removed");

        long last = jdbc.sql("select max(id) from audit_event").query(Long.class).single();
        jdbc.sql("delete from audit_event where id >= ?").param(second).update();
        assertThat(trail.verify().problem()).contains("ends before its recorded head");
        assertThat(last).isGreaterThan(second);
    }
}
