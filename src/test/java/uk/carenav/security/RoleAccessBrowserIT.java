package uk.carenav.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.carenav.BrowserTest;

class RoleAccessBrowserIT extends BrowserTest {

    private static final String DEMO_PASSWORD = "carenav-demo";

    @ParameterizedTest
    @CsvSource({
            "trainee1, training, My training, admin, Administration",
            "supervisor1, trainees, My trainees, coverage, Training coverage",
            "lead1, coverage, Training coverage, trainees, My trainees",
            "admin, admin, Administration, training, My training"})
    void demoAccountLandsOnItsHomeAndIsRefusedAnotherRolesPage(String username, String home, String heading,
            String otherPage, String otherHeading) {
        signIn(username, DEMO_PASSWORD);

        assertThat(page).hasURL(Pattern.compile(".*/" + home + "$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(heading);
        assertThat(page.getByRole(AriaRole.NAVIGATION)).containsText(heading);
        assertThat(page.getByRole(AriaRole.NAVIGATION)).not().containsText(otherHeading);
        screenshot(username + "-home");

        page.navigate(url(otherPage));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Access denied");
        assertThat(page.locator("body")).not().containsText(otherHeading);
        screenshot(username + "-refused");
    }

    @Test
    void wrongPasswordGetsOneGenericMessageAndNoSession() {
        signIn("trainee1", "not-the-password");
        assertThat(page.locator("vaadin-login-form")).containsText("Sign-in failed");
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        // The username is put back, so only the password needs typing again.
        assertThat(page.getByLabel("Username")).hasValue("trainee1");
        assertThat(page.getByLabel("Password").first()).hasValue("");
        screenshot("login-failed");

        page.navigate(url("training"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void signOutEndsTheSession() {
        signIn("trainee2", DEMO_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("My training");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));

        page.navigate(url("training"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.locator("body")).not().containsText("My training");
    }

    @Test
    void loginPageIsServedWithHealthEndpointOpen() {
        page.navigate(url("login"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Sign in");
        assertThat(page.locator("body")).containsText("CareNav Trainer");
        screenshot("login");
        var health = page.request().get(url("actuator/health"));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text()).contains("\"UP\"");
    }
}
