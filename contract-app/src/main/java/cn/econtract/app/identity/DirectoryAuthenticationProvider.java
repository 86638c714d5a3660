package cn.econtract.app.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Spring Security login against the shared directory. Camunda checks the password, counts failed
 * attempts and locks the account; we only translate its answer.
 */
@Component
class DirectoryAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final IdentityProperties properties;

    DirectoryAuthenticationProvider(IdentityService identity, IdentityProperties properties) {
        this.identity = identity;
        this.properties = properties;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("missing credentials");
        }
        if (identity.checkPassword(userId, credentials.toString())) {
            // permissions are looked up live per request (AccessService); this authority only marks a user
            return UsernamePasswordAuthenticationToken.authenticated(userId, null,
                    List.of(new SimpleGrantedAuthority("ROLE_USER")));
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user instanceof UserEntity entity && isLocked(entity)) {
            throw new LockedException("account locked");
        }
        throw new BadCredentialsException("bad credentials");
    }

    /** Locked for good (until an administrator unlocks); the short delays between attempts are not reported. */
    private boolean isLocked(UserEntity user) {
        return user.getAttempts() >= properties.loginMaxAttempts();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
