package uk.carenav.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.carenav.organisation.PasswordPolicy;

/**
 * Refuses a sign-in whose username or password is longer than any real one could be, before
 * authentication, lockout and audit see it, with the same answer as any other failed sign-in and
 * without creating a session. Without this, each hostile sign-in with a username of megabytes was
 * kept in the lockout table and a new session, and a few hundred of them filled the heap.
 */
final class SignInLimits extends OncePerRequestFilter {

    /** Usernames are at most 50 characters ({@code OrganisationAdmin}); a little room for stray spaces. */
    static final int MAX_USERNAME = 64;
    static final int MAX_PASSWORD = PasswordPolicy.MAX_LENGTH;
    static final String LOGIN_PATH = "/login";
    static final String FAILURE_URL = "/login?error";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && LOGIN_PATH.equals(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (tooLong(request.getParameter("username"), MAX_USERNAME)
                || tooLong(request.getParameter("password"), MAX_PASSWORD)) {
            response.sendRedirect(request.getContextPath() + FAILURE_URL);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean tooLong(String value, int max) {
        return value != null && value.length() > max;
    }
}
