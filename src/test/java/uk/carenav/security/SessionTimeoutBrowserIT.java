package uk.carenav.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import uk.carenav.BrowserTest;

/**
 * An idle session ends: with the shortest timeout the servlet container allows (one minute), a trainee who
 * leaves the desk is asked to sign in again, and the page they had open shows nothing of theirs.
 */
@TestPropertySource(properties = "server.servlet.session.timeout=1m")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SessionTimeoutBrowserIT extends BrowserTest {

    @Test
    void anIdleSessionEndsAndTheNextPageAsksForSignIn() {
        signIn("trainee1", "carenav-demo");
        page.navigate(url("training"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("My training");

        // Leave the desk: nothing is sent for longer than the timeout (plus the container's 10-second sweep).
        page.navigate("about:blank");
        page.waitForTimeout(80_000);

        page.navigate(url("training"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Sign in");
        assertThat(page.getByText("Alex Morgan")).hasCount(0);
    }
}
