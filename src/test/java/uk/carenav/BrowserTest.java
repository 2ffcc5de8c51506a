package uk.carenav;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real-browser tests: the whole application on a random port, driven through Debian's headless
 * Chromium (install it with {@code apt-get install chromium}; the path can be changed with the
 * CHROMIUM environment variable). Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;
    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** Signs in through the real login form, as a person would. */
    protected void signIn(String username, String password) {
        page.navigate(url("login"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").first().fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    /** Saves what a person would see at the top of the page (the page header scrolled into view). */
    protected void screenshot(String name) {
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).first().scrollIntoViewIfNeeded();
        try {
            Files.createDirectories(Paths.get("target/screenshots"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots", name + ".png")));
    }

    /** The page's main heading. */
    protected Locator h1() {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    /** A button by its exact accessible name. */
    protected Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Presses Tab until the target (or something inside it) has the keyboard focus. */
    protected void tabTo(Locator target) {
        target.first().waitFor();
        for (int i = 0; i < 250; i++) {
            boolean focused = (Boolean) target.first().evaluate(
                    "el => el === document.activeElement || el.contains(document.activeElement)"
                            + " || el.matches(':focus-within')");
            if (focused) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Could not reach " + target + " with the Tab key");
    }

    /**
     * Runs the axe accessibility rules (WCAG 2.1 A and AA) on the page and returns the serious and
     * critical violations, each as "rule: target".
     */
    protected List<String> accessibilityViolations() {
        var results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .flatMap(v -> v.getNodes().stream().map(n -> v.getId() + ": " + n.getTarget()))
                .toList();
    }
}
