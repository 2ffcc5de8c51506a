package uk.carenav.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Protects the sign-in form against login CSRF (another site signing a victim's browser into an
 * account the attacker controls). Vaadin leaves its login path out of Spring's CSRF token check, so a
 * sign-in must come from this site's own pages: when the browser sends {@code Origin}, it must be this
 * server's own scheme, host and port ({@code null}, sent from sandboxed or privacy-stripped pages, is
 * refused); otherwise, when it sends {@code Referer}, that must be a page of this server. Browsers send
 * {@code Origin} on every cross-site form post, so a request with neither header (a script, an old
 * client) cannot be a cross-site browser post and is let through. Behind a load balancer the server's
 * own address comes from {@code X-Forwarded-*} ({@code server.forward-headers-strategy=native}).
 */
final class SignInOrigin extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && SignInLimits.LOGIN_PATH.equals(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String own = ownOrigin(request);
        String origin = request.getHeader("Origin");
        String referer = request.getHeader("Referer");
        boolean allowed;
        if (origin != null) {
            allowed = origin.toLowerCase(Locale.ROOT).equals(own);
        } else if (referer != null) {
            String r = referer.toLowerCase(Locale.ROOT);
            allowed = r.equals(own) || r.startsWith(own + "/");
        } else {
            allowed = true;
        }
        if (!allowed) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(("Sign-in refused: the sign-in form was sent from another site. "
                    + "Open CareNav Trainer's own sign-in page and sign in there.").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    /** "https://carenav.example.nhs.uk" or "http://localhost:8080": lower case, default ports left out. */
    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
