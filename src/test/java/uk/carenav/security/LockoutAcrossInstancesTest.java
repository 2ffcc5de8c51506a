package uk.carenav.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.carenav.Application;

/**
 * Two instances of the real application on one database, as behind a load balancer: a username locked by
 * failed sign-ins on one instance is locked on the other too (the counts live in the database), and a
 * sign-in on either after the lockout has passed clears the count on both.
 */
class LockoutAcrossInstancesTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private ConfigurableApplicationContext start(String lockout) {
        return new SpringApplicationBuilder(Application.class).run(
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("carenav").toAbsolutePath(),
                "--carenav.demo-data=true", "--server.port=0", "--spring.main.banner-mode=off",
                "--carenav.security.lockout=" + lockout);
    }

    private boolean signIn(ConfigurableApplicationContext instance, String password) throws Exception {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        String form = "username=trainee4&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://localhost:" + port)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        return r.headers().firstValue("Location").filter(l -> !l.contains("error")).isPresent();
    }

    @Test
    void aNameLockedOnOneInstanceIsLockedOnTheOtherUntilTheLockoutPasses() throws Exception {
        try (ConfigurableApplicationContext a = start("4s"); ConfigurableApplicationContext b = start("4s")) {
            assertThat(signIn(b, "carenav-demo")).as("the right password works on the second instance").isTrue();
            for (int i = 0; i < 5; i++) {
                assertThat(signIn(a, "wrong password " + i)).isFalse();
            }
            assertThat(signIn(b, "carenav-demo")).as("locked on the other instance too").isFalse();
            assertThat(signIn(a, "carenav-demo")).isFalse();
            Thread.sleep(4_500);
            assertThat(signIn(a, "carenav-demo")).as("the lockout has passed").isTrue();
            // The sign-in cleared the count everywhere: four more failures on the other instance do not lock.
            for (int i = 0; i < 4; i++) {
                signIn(b, "wrong password " + i);
            }
            assertThat(signIn(b, "carenav-demo")).isTrue();
        }
    }
}
