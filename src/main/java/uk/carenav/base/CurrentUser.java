package uk.carenav.base;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one way to ask who is signed in: the username from the security context of the current request.
 * Services use it to scope what they return and to name the actor of an {@link AuditedAction}.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The signed-in user's username; refuses (access denied) when nobody is signed in. */
    public static String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("Not signed in");
        }
        return auth.getName();
    }
}
