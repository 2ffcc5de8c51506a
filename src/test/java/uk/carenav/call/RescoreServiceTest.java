package uk.carenav.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import uk.carenav.SignIn;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Severity;
import uk.carenav.scoring.ComplianceBand;
import uk.carenav.scoring.ScoringPolicy;

@SpringBootTest
@Import(FixedVariant.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RescoreServiceTest {

    @Autowired
    CallService calls;
    @Autowired
    RescoreService rescoring;
    @Autowired
    UserDetailsService users;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void reScoringRecordsANewResultAndKeepsTheOriginal() {
        signIn("trainee3");
        String id = calls.start("chest-pain-gardening", Mode.PRACTICE);
        // A safe call that forgets to stay on the line: Compliant under the default bands.
        calls.record(id, new CallAction.Ask("q-spread", null));
        calls.record(id, new CallAction.Ask("q-breathless", null));
        calls.record(id, new CallAction.ChooseRoute("emergency-999", null));
        calls.record(id, new CallAction.SafetyNet("record-call", null));
        calls.record(id, new CallAction.WriteNote("Chest pain to left arm, 999 called.", null));
        AttemptSummary original = calls.end(id);
        assertThat(original.band()).isEqualTo("COMPLIANT");

        signIn("admin");
        ScoringPolicy stricter = new ScoringPolicy(Map.of(Severity.CRITICAL, 20, Severity.MAJOR, 30, Severity.MODERATE, 5,
                Severity.MINOR, 2), 95, 90, 70, 50, ComplianceBand.COMPLIANT, 10, true);
        RescoreService.Outcome outcome = rescoring.rescore("chest-pain-gardening", stricter,
                "Major safety-netting steps now weigh 30 points");
        assertThat(outcome.rescored()).isGreaterThanOrEqualTo(1);
        assertThat(outcome.bandChanged()).isGreaterThanOrEqualTo(1);
        assertThat(rescoring.rescoresOf(id)).singleElement().satisfies(r -> {
            assertThat(r.band()).isEqualTo("PARTIAL");
            assertThat(r.by()).isEqualTo("admin");
            assertThat(r.reason()).isEqualTo("Major safety-netting steps now weigh 30 points");
        });

        signIn("trainee3");
        Debrief debrief = calls.debrief(id);
        assertThat(debrief.attempt().band()).isEqualTo("COMPLIANT");
        assertThat(debrief.scoreCard().band()).isEqualTo(ComplianceBand.COMPLIANT);
        assertThat(debrief.rescores()).hasSize(1);
    }

    @Test
    void aReasonIsRequiredAndOnlyAdministratorsMayReScore() {
        signIn("admin");
        assertThatThrownBy(() -> rescoring.rescore("chest-pain-gardening", "because"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        signIn("supervisor1");
        assertThatThrownBy(() -> rescoring.rescore("chest-pain-gardening", "A long enough reason"))
                .isInstanceOf(AccessDeniedException.class);
    }

    private void signIn(String username) {
        SignIn.as(users, username);
    }
}
