package uk.carenav.base;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.carenav.BrowserTest;

/**
 * Every page a role works on, opened in a real browser as that user: it shows its heading, passes the axe
 * accessibility rules (no serious or critical WCAG 2.1 A/AA violations), and is saved as a screenshot.
 */
class PagesTourBrowserIT extends BrowserTest {

    @ParameterizedTest
    @CsvSource({
            "trainee1, training, My training",
            "trainee1, history, Call history",
            "trainee1, my-sign-off, My sign-off",
            "supervisor1, trainees, My trainees",
            "lead1, coverage, Training coverage",
            "reviewer1, review, Scenario review",
            "reviewer1, review/chest-pain-gardening, Review: Chest pain after gardening",
            "reviewer1, review/chest-pain-gardening/try, Try: Chest pain after gardening",
            "admin, admin, Administration",
            "admin, admin/directory, Service directory",
            "admin, admin/scenarios, Scenario library",
            "admin, admin/framework, Competency framework",
            "admin, admin/rescore, Re-score calls",
            "admin, admin/audit, Audit log"})
    void pageShowsItsHeadingAndPassesAccessibilityChecks(String user, String path, String heading) {
        signIn(user, "carenav-demo");
        page.navigate(url(path));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(heading);
        page.waitForTimeout(300);
        screenshot("tour-" + path.replace('/', '-'));
        Assertions.assertThat(accessibilityViolations()).as("axe on /" + path).isEmpty();
    }
}
