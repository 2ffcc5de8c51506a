package uk.carenav.organisation;

import java.util.Set;

/** What sign-in needs to know about an account. The hash is never shown anywhere. */
public record Credentials(String username, String passwordHash, boolean enabled, Set<Role> roles) {

    @Override
    public String toString() {
        return "Credentials[" + username + ", enabled=" + enabled + ", roles=" + roles + "]";
    }
}
