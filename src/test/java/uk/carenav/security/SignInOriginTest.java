package uk.carenav.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login CSRF and the session cookie, over real HTTP to the real server: a sign-in posted from another
 * site is refused with the right password, one from the server's own page signs in, and the session
 * cookie is SameSite=Lax, HttpOnly, and Secure when the load balancer says the request came over HTTPS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInOriginTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> signIn(Map<String, String> headers) throws Exception {
        String form = "username=" + URLEncoder.encode("trainee1", StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode("carenav-demo", StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean signedIn(HttpResponse<String> r) {
        return r.statusCode() == 302 && r.headers().firstValue("Location").filter(l -> !l.contains("error")).isPresent();
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefusedEvenWithTheRightPassword() throws Exception {
        for (Map<String, String> headers : List.of(Map.of("Origin", "https://attacker.example"),
                Map.of("Origin", "null"),
                Map.of("Origin", "http://localhost:" + (port + 1)),
                Map.of("Referer", "https://attacker.example/login"),
                Map.of("Referer", "http://localhost:" + port + ".attacker.example/"))) {
            HttpResponse<String> r = signIn(headers);
            assertThat(r.statusCode()).as(headers.toString()).isEqualTo(403);
            assertThat(r.body()).contains("the sign-in form was sent from another site");
            assertThat(r.headers().allValues("Set-Cookie")).as("no session for " + headers).isEmpty();
        }
    }

    @Test
    void aSignInFromTheServersOwnPageSignsIn() throws Exception {
        assertThat(signedIn(signIn(Map.of("Origin", "http://localhost:" + port)))).isTrue();
        assertThat(signedIn(signIn(Map.of("Referer", "http://localhost:" + port + "/login")))).isTrue();
        assertThat(signedIn(signIn(Map.of()))).as("a client that sends neither header cannot be a cross-site form").isTrue();
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndSecureBehindHttps() throws Exception {
        HttpResponse<String> plain = signIn(Map.of("Origin", "http://localhost:" + port));
        String cookie = plain.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");

        // The load balancer ended HTTPS: the request comes from a loopback (internal) address with X-Forwarded-Proto.
        HttpResponse<String> behindHttps = signIn(Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Port", "443",
                "Origin", "https://localhost"));
        assertThat(signedIn(behindHttps)).isTrue();
        String secure = behindHttps.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(secure).contains("Secure").contains("SameSite=Lax");
        assertThat(behindHttps.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                h -> assertThat(h).contains("max-age=31536000"));
        assertThat(behindHttps.headers().firstValue("Permissions-Policy")).hasValue(SecurityConfig.PERMISSIONS_POLICY);
    }

    @Test
    void theSessionIsNeverPutInAnAddress() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/VAADIN/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("jsessionid");
        assertThat(r.body()).doesNotContain("jsessionid");
    }
}
