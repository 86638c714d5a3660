package cn.econtract.app.identity;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends sessions on demand ("log out everywhere"). Our UI and Camunda's webapps share one HTTP
 * session, so ending it logs the user out of both.
 */
@Component
public class SessionControl {

    /** Known sessions per user, fed by Spring Security's session management. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Registry {
        @org.springframework.context.annotation.Bean
        SessionRegistry sessionRegistry() {
            return new org.springframework.security.core.session.SessionRegistryImpl();
        }
    }

    private final SessionRegistry registry;

    SessionControl(SessionRegistry registry) {
        this.registry = registry;
    }

    public int endAllSessionsOf(String userId) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            String name = principal instanceof org.springframework.security.core.userdetails.UserDetails details
                    ? details.getUsername() : String.valueOf(principal);
            if (name.equals(userId)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }
}
