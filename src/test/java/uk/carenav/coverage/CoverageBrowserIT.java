package uk.carenav.coverage;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import uk.carenav.BrowserTest;

/**
 * The service lead's dashboard in Chromium: the not-ready list, the PCN and practice table, the chart drawn by
 * chart.js, drill-down to a practice and the weak-spots page, each passing axe. The statuses and sign-offs are
 * set as in {@link CoverageDashboardTest}; the screenshots are the ones in the README.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CoverageBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void fixture() {
        jdbc.sql("delete from trainee_status").update();
        jdbc.sql("delete from sign_off").update();
        long supervisor = id("supervisor1");
        status("trainee1", "ACTIVE", LocalDate.now().plusMonths(6), null, "");
        status("trainee2", "ACTIVE", LocalDate.now().minusDays(1), null, "");
        status("trainee3", "NONE", null, null, "RECENT_CALLS,OBSERVED");
        status("trainee4", "NONE", null, Instant.now().plus(20, ChronoUnit.DAYS), "");
        for (String[] s : new String[][] {{"trainee1", "40"}, {"trainee2", "300"}}) {
            jdbc.sql("""
                    insert into sign_off (trainee_id, supervisor_id, signed_at, policy_version, is_exception, declaration, evidence,
                                          refresher_due) values (?, ?, ?, '2026-11 v1', false, 'test', '{}', ?)""")
                    .params(id(s[0]), supervisor, Timestamp.from(Instant.now().minus(Long.parseLong(s[1]), ChronoUnit.DAYS)),
                            Date.valueOf(s[0].equals("trainee1") ? LocalDate.now().plusMonths(6) : LocalDate.now().minusDays(1)))
                    .update();
        }
        jdbc.sql("update staff_member set training = 'LONG_TERM_LEAVE' where username = 'trainee5'").update();
    }

    private long id(String username) {
        return jdbc.sql("select id from staff_member where username = ?").param(username).query(Long.class).single();
    }

    private void status(String username, String signOff, LocalDate refresher, Instant readyUntil, String blocking) {
        jdbc.sql("""
                insert into trainee_status (trainee_id, sign_off, refresher_due, ready_until, started, blocking, policy_version,
                                            updated_at) values (?, ?, ?, ?, true, ?, 'test', ?)""")
                .params(id(username), signOff, refresher == null ? null : Date.valueOf(refresher),
                        readyUntil == null ? null : Timestamp.from(readyUntil), blocking, Timestamp.from(Instant.now()))
                .update();
    }

    @Test
    void aLeadSeesWhatIsBehindDrillsDownAndFindsTheWeakSpots() {
        signIn("lead1", "carenav-demo");
        page.navigate(url("coverage"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Training coverage");
        assertThat(page.getByText("4 practices are not ready")).isVisible();
        assertThat(page.getByText("held back by too few recent assessed calls (1), too few observed live calls (1)")).isVisible();
        // chart.js drew the trend on a canvas with a text summary for screen readers.
        var canvas = page.locator("carenav-trend-chart canvas");
        assertThat(canvas).isVisible();
        assertThat(canvas).hasAttribute("aria-label", Pattern.compile("Signed off and in date: .*"));
        Assertions.assertThat(canvas.boundingBox().width).isGreaterThan(200);
        page.waitForTimeout(300);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Paths.get("target/screenshots",
                "coverage-dashboard.png")));
        Assertions.assertThat(accessibilityViolations()).as("axe on /coverage").isEmpty();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quayside Medical Centre")).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Quayside Medical Centre");
        assertThat(page.locator("vaadin-grid")).containsText("Too few recent assessed calls; Too few observed live calls");
        screenshot("coverage-practice");
        Assertions.assertThat(accessibilityViolations()).as("axe on the practice page").isEmpty();

        page.navigate(url("coverage/weak-spots"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Weak spots");
        screenshot("coverage-weak-spots");
        Assertions.assertThat(accessibilityViolations()).as("axe on weak spots").isEmpty();
    }
}
