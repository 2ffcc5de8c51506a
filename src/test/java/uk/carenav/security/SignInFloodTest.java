package uk.carenav.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Anonymous sign-in attempts cannot fill the server's memory: thousands of failed sign-ins, each
 * with a made-up username of 200 KB, over real HTTP to the real server, leave the heap (after a
 * full collection) within a few MB of where it started, create no session and no audit entry, and
 * the right person can still sign in afterwards. Before the fix the same run kept every username
 * in the lockout table and in a new session, about 400 MB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SignInFloodTest {

    private static final int ATTEMPTS = 2_000;
    private static final int USERNAME_CHARS = 200_000;
    private static final long ALLOWED_GROWTH_BYTES = 16L * 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    LoginAttempts attempts;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void thousandsOfHostileSignInsLeaveTheHeapWhereItWas() throws Exception {
        int auditBefore = auditEntries();
        // Warm up the sign-in path so that classes and caches loaded on first use are not counted.
        for (int i = 0; i < 50; i++) {
            signIn(hugeName(i), "wrong");
        }
        long before = heapAfterFullGc();

        for (int i = 0; i < ATTEMPTS; i++) {
            HttpResponse<String> response = signIn(hugeName(1_000 + i), "wrong-" + i);
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?error"));
            assertThat(response.headers().allValues("Set-Cookie")).as("no session for a refused sign-in").isEmpty();
        }

        long after = heapAfterFullGc();
        long growth = after - before;
        System.out.printf("Sign-in flood: %,d attempts with %,d-character usernames; heap after full GC %,d KB before,"
                + " %,d KB after, growth %,d KB; lockout table holds %,d names%n",
                ATTEMPTS, USERNAME_CHARS, before / 1024, after / 1024, growth / 1024, attempts.tracked());
        assertThat(growth).isLessThan(ALLOWED_GROWTH_BYTES);
        assertThat(auditEntries()).as("oversized sign-ins are refused before audit").isEqualTo(auditBefore);

        HttpResponse<String> right = signIn("trainee1", "carenav-demo");
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
    }

    @Test
    void anOrdinaryFailedSignInCreatesNoSession() throws Exception {
        HttpResponse<String> response = signIn("trainee2", "not-the-password");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    private HttpResponse<String> signIn(String username, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String hugeName(int n) {
        String prefix = "attacker" + n + "-";
        return prefix + "x".repeat(USERNAME_CHARS - prefix.length());
    }

    private int auditEntries() {
        return jdbc.sql("select count(*) from audit_event").query(Integer.class).single();
    }

    private static long heapAfterFullGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
