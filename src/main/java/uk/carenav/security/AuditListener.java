package uk.carenav.security;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import uk.carenav.base.AuditedAction;

/** Writes sign-ins, failed sign-ins, sign-outs and audited actions to the audit trail. */
@Component
class AuditListener {

    private final AuditTrail trail;
    private final LoginAttempts attempts;
    private final UserDetailsService users;
    private final Clock clock;
    private final UnknownUsernames unknown = new UnknownUsernames();

    AuditListener(AuditTrail trail, LoginAttempts attempts, UserDetailsService users, Clock clock) {
        this.trail = trail;
        this.attempts = attempts;
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    void on(AuditedAction action) {
        trail.record(action.actor(), action.action(), action.detail());
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        String user = event.getAuthentication().getName();
        attempts.succeeded(user);
        trail.record(user, "SIGN_IN", "signed in");
    }

    /**
     * A failed sign-in for an account that exists is recorded with a readable reason. Failures for usernames
     * that match no account (anyone can make those up, as fast as they like) are counted and written as one
     * entry a minute at most, so they cannot push real administrative events out of view.
     */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String user = String.valueOf(event.getAuthentication().getName());
        attempts.failed(user);
        if (accountExists(user)) {
            trail.record(user, "SIGN_IN_FAILED", reason(event.getException()));
        } else {
            unknown.failed(user, clock.instant()).ifPresent(summary -> trail.record("(unknown usernames)",
                    "SIGN_IN_FAILED_UNKNOWN", summary));
        }
    }

    private boolean accountExists(String user) {
        try {
            users.loadUserByUsername(user);
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    static String reason(AuthenticationException e) {
        if (e instanceof LockedException) {
            return "account locked after repeated failed sign-ins";
        }
        if (e instanceof DisabledException) {
            return "account deactivated";
        }
        if (e instanceof BadCredentialsException) {
            return "wrong password";
        }
        return "sign-in refused";
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        trail.record(event.getAuthentication().getName(), "SIGN_OUT", "signed out");
    }
}
