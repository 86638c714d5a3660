package cn.econtract.app.identity;

import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Route-level check: the caller holds {@code permission} in some scope. Looked up live, so a
 * permission taken from a role stops working on the next request, not at the next login. The
 * department scope is checked by the feature that loads the resource.
 */
final class PermissionAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    /** Request attribute naming the permission a denied request lacked, for the operation log. */
    static final String MISSING_PERMISSION = PermissionAuthorization.class.getName() + ".missing";

    private final AccessService access;
    private final java.util.List<Permission> anyOf;

    /** Granted when the user holds at least one of the permissions. */
    PermissionAuthorization(AccessService access, Permission... anyOf) {
        this.access = access;
        this.anyOf = java.util.List.of(anyOf);
    }

    @Override
    @SuppressWarnings("deprecation") // check() is what AuthorizationManager still dispatches to in 6.5
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false);
        }
        UserProfile user = access.profile(auth.getName());
        boolean granted = anyOf.stream().anyMatch(user::can);
        if (!granted) {
            context.getRequest().setAttribute(MISSING_PERMISSION, anyOf.get(0).code());
        }
        return new AuthorizationDecision(granted);
    }
}
