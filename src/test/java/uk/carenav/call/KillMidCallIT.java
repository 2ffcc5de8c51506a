package uk.carenav.call;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carenav.Browsers;

/**
 * The application, as its own process on a real H2 file database, is killed with SIGKILL in the middle of a
 * call and started again: the trainee signs in, resumes the call, and every answered step is there. The
 * process runs the production jar when it was built ({@code mvn -Pproduction package}), otherwise the
 * application classes exactly as {@code mvn spring-boot:run} does (a jar from a plain build is a dev-mode
 * jar that Vaadin does not run outside the project).
 */
class KillMidCallIT {

    private static final Path JAR = Path.of("target/carenav-trainer.jar");

    @TempDir
    Path data;
    private Process server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void aCallSurvivesSigkillOfTheServer() throws Exception {
        int port = freePort();
        server = start(port, "first");
        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
            String callUrl;
            String transcript;
            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                signIn(page, port);
                page.getByText(Pattern.compile("^Emergency red flags \\(\\d+\\)$")).click();
                button(page, "Practise: Chest pain after gardening").click();
                page.getByLabel("Ask or say").fill("where is the pain?");
                page.getByLabel("Ask or say").press("Enter");
                assertThat(page.getByRole(AriaRole.LOG)).containsText("heard as: Where exactly is the pain");
                page.getByLabel("Ask or say").fill("is the pain spreading to your arm or jaw?");
                page.getByLabel("Ask or say").press("Enter");
                assertThat(page.getByRole(AriaRole.LOG)).containsText("spreading to the arm, jaw, neck or back?");
                page.waitForTimeout(500);
                transcript = page.getByRole(AriaRole.LOG).innerText();
                callUrl = page.url();
            }

            // SIGKILL: no shutdown hooks, no clean close of the database.
            server.destroyForcibly().waitFor();
            server = start(port, "second");

            try (BrowserContext context = browser.newContext()) {
                Page page = context.newPage();
                signIn(page, port);
                button(page, "Resume: Chest pain after gardening (Practice)").click();
                assertThat(page).hasURL(callUrl);
                assertThat(page.getByRole(AriaRole.LOG)).containsText("Call resumed");
                // Every line of the transcript before the kill is there again (the variant was chosen at random).
                for (String line : transcript.split("\n")) {
                    if (!line.isBlank()) {
                        assertThat(page.getByRole(AriaRole.LOG)).containsText(line.strip());
                    }
                }
                // Both lines typed before the kill are there with how they were heard.
                assertThat(page.locator(".transcript-heard")).hasCount(2);
            }
        }
    }

    private Process start(int port, String name) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(productionJar()
                ? List.of(java, "-jar", JAR.toString())
                : List.of(java, "-cp", System.getProperty("java.class.path"), "uk.carenav.Application"));
        // Only the application's own configuration (not the tests' in-memory database), with its data in a temporary folder.
        command.addAll(List.of("--spring.config.location=classpath:/application.properties", "--server.port=" + port,
                "--carenav.data-dir=" + data.toAbsolutePath(), "--carenav.demo-data=true",
                "--vaadin.devmode.devTools.enabled=false", "--logging.level.root=WARN"));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(data.resolve(name + ".log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("The server stopped: " + Files.readString(data.resolve(name + ".log")));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return p;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server did not start in 120 s");
    }

    private static boolean productionJar() throws IOException {
        if (!Files.isRegularFile(JAR)) {
            return false;
        }
        try (var jar = new JarFile(JAR.toFile())) {
            var info = jar.getEntry("META-INF/VAADIN/config/flow-build-info.json");
            return info != null && new String(jar.getInputStream(info).readAllBytes()).contains("\"productionMode\" : true");
        }
    }

    private static void signIn(Page page, int port) {
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("Username").fill("trainee1");
        page.getByLabel("Password").first().fill("carenav-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("My training");
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
