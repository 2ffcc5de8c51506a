package uk.carenav.organisation;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The username of whoever is signed in, read from the security context of the current request. */
final class CurrentStaff {

    private CurrentStaff() {
    }

    static String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            throw new org.springframework.security.access.AccessDeniedException("Not signed in");
        }
        return auth.getName();
    }
}
