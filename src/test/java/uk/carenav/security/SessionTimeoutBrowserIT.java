package uk.carenav.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import uk.carenav.BrowserTest;

/**
 * An idle session ends: a trainee who leaves the desk is asked to sign in again, and the page they had open
 * shows nothing of theirs. The container's own expiry does the work; only the timeout is shortened, to
 * {@value #IDLE_SECONDS} seconds (a configuration property cannot go below a minute), with a one-second sweep,
 * and the test waits for the container to end the session instead of sleeping a fixed time.
 */
@TestPropertySource(properties = {"server.servlet.session.timeout=1m", "server.tomcat.background-processor-delay=1s"})
@Import(SessionTimeoutBrowserIT.ShortSessions.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SessionTimeoutBrowserIT extends BrowserTest {

    static final int IDLE_SECONDS = 5;

    /** Every new session times out after a few idle seconds; remembers the sessions the container ends. */
    @TestConfiguration
    static class ShortSessions {
        final Set<String> ended = ConcurrentHashMap.newKeySet();

        @Bean
        HttpSessionListener shortSessionTimeout() {
            return new HttpSessionListener() {
                @Override
                public void sessionCreated(HttpSessionEvent se) {
                    se.getSession().setMaxInactiveInterval(IDLE_SECONDS);
                }

                @Override
                public void sessionDestroyed(HttpSessionEvent se) {
                    ended.add(se.getSession().getId());
                }
            };
        }
    }

    @Autowired
    ShortSessions sessions;

    @Test
    void anIdleSessionEndsAndTheNextPageAsksForSignIn() throws InterruptedException {
        signIn("trainee1", "carenav-demo");
        page.navigate(url("training"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("My training");

        // Leave the desk: nothing is sent until the container has ended the signed-in session.
        String signedIn = context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst()
                .orElseThrow().value;
        page.navigate("about:blank");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!sessions.ended.contains(signedIn) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        Assertions.assertThat(sessions.ended).as("sessions ended by the container").contains(signedIn);

        page.navigate(url("training"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Sign in");
        assertThat(page.getByText("Alex Morgan")).hasCount(0);
    }
}
