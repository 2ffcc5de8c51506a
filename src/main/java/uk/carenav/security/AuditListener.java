package uk.carenav.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import uk.carenav.organisation.AuditedAction;

/** Writes sign-ins, failed sign-ins, sign-outs and audited actions to the audit trail. */
@Component
class AuditListener {

    private final AuditTrail trail;
    private final LoginAttempts attempts;

    AuditListener(AuditTrail trail, LoginAttempts attempts) {
        this.trail = trail;
        this.attempts = attempts;
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

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String user = String.valueOf(event.getAuthentication().getName());
        attempts.failed(user);
        trail.record(user, "SIGN_IN_FAILED", event.getException().getClass().getSimpleName());
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        trail.record(event.getAuthentication().getName(), "SIGN_OUT", "signed out");
    }
}
