package uk.carenav.coverage;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.annotation.DirtiesContext;
import uk.carenav.UiTest;
import uk.carenav.competency.Readiness.Blocker;
import uk.carenav.competency.TraineeStatus;

/**
 * The coverage dashboard against hand-computed figures. The demo area has Riverside PCN (Riverside Surgery:
 * trainee1, trainee2; Quayside Medical Centre: trainee3) and Hillcrest PCN (Hillcrest Health Centre: trainee4;
 * Orchard Lane Practice: trainee5, trainee6). The status rows are set here as the upkeep would leave them:
 * trainee1 signed off, trainee2 refresher overdue, trainee3 in training held back by observed calls and recent
 * calls, trainee4 ready for sign-off, trainee5 on long-term leave (excluded), trainee6 not started (no row).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CoverageDashboardTest extends UiTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AreaTrainingStatus status;

    @BeforeEach
    void fixture() {
        jdbc.sql("delete from trainee_status").update();
        jdbc.sql("update staff_member set training = 'REQUIRED'").update();
        Instant now = Instant.now();
        row("trainee1", "ACTIVE", LocalDate.now().plusMonths(6), null, true, "");
        row("trainee2", "ACTIVE", LocalDate.now().minusDays(1), null, true, "");
        row("trainee3", "NONE", null, null, true, "RECENT_CALLS,OBSERVED");
        row("trainee4", "NONE", null, now.plus(20, ChronoUnit.DAYS), true, "");
        jdbc.sql("update staff_member set training = 'LONG_TERM_LEAVE' where username = 'trainee5'").update();
    }

    private void row(String username, String signOff, LocalDate refresher, Instant readyUntil, boolean started, String blocking) {
        long id = jdbc.sql("select id from staff_member where username = ?").param(username).query(Long.class).single();
        jdbc.sql("""
                insert into trainee_status (trainee_id, sign_off, refresher_due, ready_until, started, blocking, policy_version,
                                            updated_at) values (?, ?, ?, ?, ?, ?, 'test', ?)""")
                .params(id, signOff, refresher == null ? null : Date.valueOf(refresher),
                        readyUntil == null ? null : Timestamp.from(readyUntil), started, blocking, Timestamp.from(Instant.now()))
                .update();
    }

    @Test
    void countsByPracticeAndPcnMatchTheHandComputedFigures() {
        signIn("lead1");
        AreaTrainingStatus.Area area = status.myArea();
        assertThat(area.name()).isEqualTo("Northvale Place (demo)");
        assertThat(area.trainees()).isEqualTo(5);
        assertThat(area.excluded()).isEqualTo(1);

        var riverside = practice(area, "Riverside Surgery");
        assertThat(riverside.trainees()).isEqualTo(2);
        assertThat(riverside.count(TraineeStatus.SIGNED_OFF)).isEqualTo(1);
        assertThat(riverside.count(TraineeStatus.REFRESHER_DUE)).isEqualTo(1);
        assertThat(riverside.signedOffPercent()).isEqualTo(50);
        assertThat(riverside.rag()).isEqualTo("Amber");

        var quayside = practice(area, "Quayside Medical Centre");
        assertThat(quayside.count(TraineeStatus.IN_TRAINING)).isEqualTo(1);
        assertThat(quayside.blocked(Blocker.OBSERVED)).isEqualTo(1);
        assertThat(quayside.blocked(Blocker.RECENT_CALLS)).isEqualTo(1);
        assertThat(quayside.blocked(Blocker.BANDS)).isZero();
        assertThat(quayside.rag()).isEqualTo("Red");

        assertThat(practice(area, "Hillcrest Health Centre").count(TraineeStatus.READY)).isEqualTo(1);
        var orchard = practice(area, "Orchard Lane Practice");
        assertThat(orchard.trainees()).isEqualTo(1);
        assertThat(orchard.excluded()).isEqualTo(1);
        assertThat(orchard.count(TraineeStatus.NOT_STARTED)).isEqualTo(1);

        // PCN totals: Riverside 1 of 3 signed off (33%, red); Hillcrest 0 of 2.
        assertThat(area.pcns()).extracting(p -> p.pcn() + " " + p.trainees() + " " + p.signedOffPercent() + " " + p.rag())
                .containsExactly("Hillcrest PCN 2 0 Red", "Riverside PCN 3 33 Red");
    }

    @Test
    void aReadinessWhoseCallsHaveLeftTheWindowCountsAsInTrainingHeldBackByRecentCalls() {
        jdbc.sql("update trainee_status set ready_until = ? where trainee_id = (select id from staff_member where username = 'trainee4')")
                .param(Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS))).update();
        signIn("lead1");
        var hillcrest = practice(status.myArea(), "Hillcrest Health Centre");
        assertThat(hillcrest.count(TraineeStatus.READY)).isZero();
        assertThat(hillcrest.count(TraineeStatus.IN_TRAINING)).isEqualTo(1);
        assertThat(hillcrest.blocked(Blocker.RECENT_CALLS)).isEqualTo(1);
    }

    @Test
    void theDashboardSaysWhichPracticesAreNotReadyAndWhy() {
        signIn("lead1");
        UI.getCurrent().navigate("coverage");
        TreeGrid<?> grid = _get(TreeGrid.class);
        assertThat(GridKt._size(grid)).isEqualTo(6);
        String notReady = _find(ListItem.class).stream()
                .map(li -> li.getElement().getTextRecursively()).reduce("", (a, b) -> a + "\n" + b);
        assertThat(notReady).contains("Quayside Medical Centre (Riverside PCN), Red 0% signed off: 1 in training, held back by "
                + "too few recent assessed calls (1), too few observed live calls (1).");
        assertThat(notReady).contains("Riverside Surgery (Riverside PCN), Amber 50% signed off: 1 refresher overdue.");
        assertThat(notReady).contains("Hillcrest Health Centre (Hillcrest PCN), Red 0% signed off: 1 ready, waiting for a supervisor's sign-off.");
    }

    @Test
    void theLeadDrillsDownToThePeopleOfAPractice() {
        signIn("lead1");
        UI.getCurrent().navigate("coverage/practices/X90004");
        assertThat(_get(H1.class).getText()).isEqualTo("Orchard Lane Practice");
        var people = status.practicePeople("X90004").orElseThrow();
        assertThat(people).extracting(p -> p.name() + ": " + (p.required() ? p.status().label() : p.training()))
                .containsExactlyInAnyOrder("Sophie Clarke: Not started", "Daniel Hughes: LONG_TERM_LEAVE");
    }

    @Test
    void anotherAreasPracticeIsNotFound() {
        jdbc.sql("insert into area (name) values ('Elsewhere (test)')").update();
        long area = jdbc.sql("select id from area where name = 'Elsewhere (test)'").query(Long.class).single();
        jdbc.sql("insert into pcn (area_id, name) values (?, 'Far PCN')").param(area).update();
        long pcn = jdbc.sql("select id from pcn where name = 'Far PCN'").query(Long.class).single();
        jdbc.sql("insert into practice (pcn_id, ods_code, name) values (?, 'Z99999', 'Far Surgery')").param(pcn).update();
        signIn("lead1");
        assertThat(status.practicePeople("Z99999")).isEmpty();
        UI.getCurrent().navigate("coverage/practices/Z99999");
        assertThat(_get(H1.class).getText()).isEqualTo("Practice not found");
        assertThat(_find(Paragraph.class)).noneMatch(p -> p.getText().contains("Far Surgery"));
        assertThat(status.myArea().practices()).noneMatch(p -> p.practice().equals("Far Surgery"));
    }

    @Test
    void onlyServiceLeadsMayAsk() {
        signIn("supervisor1");
        assertThatThrownBy(() -> status.myArea()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> status.practicePeople("X90001")).isInstanceOf(AccessDeniedException.class);
    }

    private static AreaTrainingStatus.PracticeStatus practice(AreaTrainingStatus.Area area, String name) {
        return area.practices().stream().filter(p -> p.practice().equals(name)).findFirst().orElseThrow();
    }
}
