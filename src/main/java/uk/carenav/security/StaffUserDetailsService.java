package uk.carenav.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import uk.carenav.organisation.Credentials;
import uk.carenav.organisation.StaffDirectory;

/** Looks accounts up for sign-in. A deactivated account cannot sign in. */
@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffDirectory directory;
    private final LoginAttempts attempts;

    StaffUserDetailsService(StaffDirectory directory, LoginAttempts attempts) {
        this.directory = directory;
        this.attempts = attempts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {

        Credentials c = directory.credentialsFor(username)
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
        return User.withUsername(c.username())
                .password(c.passwordHash())
                .disabled(!c.enabled())
                // Locked after repeated failures: refused before the password is even checked.
                .accountLocked(attempts.locked(username))
                .authorities(c.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .build();
    }
}
