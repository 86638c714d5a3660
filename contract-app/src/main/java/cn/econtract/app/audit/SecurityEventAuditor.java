package cn.econtract.app.audit;

import cn.econtract.app.crypto.KeyRotatedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Turns framework events (logins, logouts, key rotation) into operation-log entries. */
@Component
class SecurityEventAuditor {

    private final OperationLogService log;

    SecurityEventAuditor(OperationLogService log) {
        this.log = log;
    }

    /** Interactive logins only: API calls with Basic credentials would otherwise log a login per call. */
    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent event) {
        String user = event.getAuthentication().getName();
        log.record(OperationRecord.success(user, OperationAction.LOGIN, "user", user));
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String user = String.valueOf(event.getAuthentication().getPrincipal());
        log.record(new OperationRecord(user, OperationAction.LOGIN_FAILED, "user", user, Outcome.FAILED,
                event.getException().getClass().getSimpleName()));
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        String user = event.getAuthentication().getName();
        log.record(OperationRecord.success(user, OperationAction.LOGOUT, "user", user));
    }

    @EventListener
    void onKeyRotation(KeyRotatedEvent event) {
        log.record(new OperationRecord(event.actor(), OperationAction.KEY_ROTATION, "kek", event.newKekId(),
                Outcome.SUCCESS, "re-wrapped " + event.rewrappedValues() + " data keys"));
    }
}
