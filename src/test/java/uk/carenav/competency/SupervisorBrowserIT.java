package uk.carenav.competency;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.carenav.BrowserTest;

/** A supervisor in a real browser: sees their own trainees, opens one, cannot open another practice's. */
class SupervisorBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void supervisorSeesOwnTraineesAndNeverAnotherPractices() {
        long mine = jdbc.sql("select id from staff_member where username = 'trainee4'").query(Long.class).single();
        long theirs = jdbc.sql("select id from staff_member where username = 'trainee1'").query(Long.class).single();

        signIn("supervisor2", "carenav-demo");
        assertThat(h1()).hasText("My trainees");
        assertThat(page.locator("vaadin-grid")).containsText("Grace Okafor");
        assertThat(page.locator("vaadin-grid")).not().containsText("Alex Morgan");
        screenshot("supervisor-trainees");

        page.navigate(url("trainees/" + mine));
        assertThat(h1()).hasText("Grace Okafor");
        assertThat(page.locator(".conditions")).containsText("Blocking");
        screenshot("supervisor-trainee");
        Assertions.assertThat(accessibilityViolations()).as("axe on the trainee record").isEmpty();

        page.navigate(url("trainees/" + theirs));
        assertThat(page.locator("body")).not().containsText("Alex Morgan");
        assertThat(h1()).hasText("Page not found");
        assertThat(page.locator("body")).containsText("No such trainee among yours");
        assertThat(page).hasTitle("Page not found | CareNav Trainer");
        Assertions.assertThat(accessibilityViolations()).as("axe on the not-found page").isEmpty();
    }
}
