package uk.carenav.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import uk.carenav.SignIn;
import uk.carenav.base.InvalidInputException;
import uk.carenav.call.CallService;
import uk.carenav.call.Mode;
import uk.carenav.review.ScenarioReviews.Decided;
import uk.carenav.review.ScenarioReviews.Decision;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;

/** Clinical review on the real database: demo approvals, a change request that takes a version out of assessment, approval. */
@SpringBootTest
class ScenarioReviewsTest {

    private static final String ID = "chest-pain-gardening";

    @Autowired
    ScenarioReviews reviews;
    @Autowired
    CallService calls;
    @Autowired
    ScenarioLibrary library;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theDemoApprovesTheShippedLibraryAsDemoAndAChangeRequestMakesAVersionPracticeOnly() {
        SignIn.as(users, "reviewer1");
        List<ScenarioReviews.VersionReview> all = reviews.library();
        assertThat(all).hasSize(library.current().scenarios().size());
        assertThat(all).allSatisfy(v -> {
            assertThat(v.status()).isEqualTo(ReviewStatus.APPROVED);
            // Other tests may have decided since; the demo's own approval is always among the decisions.
            assertThat(v.decisions()).anyMatch(Decision::demo);
        });
        var version = reviews.version(ID).orElseThrow();
        Scenario s = version.scenario();

        assertThatThrownBy(() -> reviews.decide(ID, s.version(), version.contentHash(), Decided.CHANGES_REQUESTED, "too short"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("Comments"));
        assertThatThrownBy(() -> reviews.decide(ID, s.version(), "0".repeat(64), Decided.APPROVED, ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("changed"));

        Decision asked = reviews.decide(ID, s.version(), version.contentHash(), Decided.CHANGES_REQUESTED,
                "muscular: a 61-year-old on blood-pressure tablets goes to the duty clinician the same day.");
        assertThat(asked.reviewer()).isEqualTo("Dr Nadia Rahman");
        assertThat(asked.demo()).isFalse();
        assertThat(reviews.version(ID).orElseThrow().status()).isEqualTo(ReviewStatus.CHANGES_REQUESTED);
        assertThat(jdbc.sql("select detail from audit_event where action = 'SCENARIO_CHANGES_REQUESTED' order by id desc")
                .query(String.class).list().get(0)).startsWith(ID + " v" + s.version() + " (sha256 ");

        SignIn.as(users, "trainee1");
        assertThat(calls.assessable(s)).isFalse();
        assertThat(calls.assessableIds()).doesNotContain(ID).contains("stroke-father-fast");
        assertThatThrownBy(() -> calls.start(ID, Mode.ASSESSMENT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not yet clinically approved");
        assertThat(calls.start(ID, Mode.PRACTICE)).isNotBlank();

        SignIn.as(users, "reviewer1");
        reviews.decide(ID, s.version(), version.contentHash(), Decided.APPROVED, "");
        assertThat(reviews.version(ID).orElseThrow().status()).isEqualTo(ReviewStatus.APPROVED);
        SignIn.as(users, "trainee1");
        assertThat(calls.assessable(s)).isTrue();
        assertThat(calls.assessableIds()).contains(ID);
    }

    @Test
    void onlyADecisionOnTheExactContentCountsAndApprovalLapsesAtTheReviewDate() {
        LocalDate due = LocalDate.of(2027, 6, 30);
        Decision approved = new Decision(2, ID, 3, "aaa", Decided.APPROVED, "Dr A", "", Instant.EPOCH, false, Map.of());
        Decision changes = new Decision(1, ID, 3, "bbb", Decided.CHANGES_REQUESTED, "Dr A", "fix it", Instant.EPOCH, false, Map.of());
        assertThat(ScenarioReviews.status(List.of(), "aaa", due, due)).isEqualTo(ReviewStatus.AWAITING);
        assertThat(ScenarioReviews.status(List.of(approved, changes), "aaa", due, due)).isEqualTo(ReviewStatus.APPROVED);
        assertThat(ScenarioReviews.status(List.of(approved, changes), "aaa", due, due.plusDays(1))).isEqualTo(ReviewStatus.OVERDUE);
        assertThat(ScenarioReviews.status(List.of(approved, changes), "bbb", due, due)).isEqualTo(ReviewStatus.CHANGES_REQUESTED);
        assertThat(ScenarioReviews.status(List.of(approved, changes), "ccc", due, due)).isEqualTo(ReviewStatus.AWAITING);
    }

    @Test
    void theHashIsOfTheExactText() {
        assertThat(ScenarioReviews.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ScenarioReviews.hash("abc ")).isNotEqualTo(ScenarioReviews.hash("abc"));
    }
}
