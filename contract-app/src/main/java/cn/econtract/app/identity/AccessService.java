package cn.econtract.app.identity;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Answers "who is calling and what may they do". Profiles are cached briefly so a burst of
 * requests does not query the directory each time; a role change clears the cache at once, a
 * membership change made in Camunda Admin takes effect within {@link #TTL}.
 */
@Service
public class AccessService {

    static final Duration TTL = Duration.ofSeconds(10);

    private final DirectoryService directory;
    private final RolePermissionRepository rolePermissions;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private final org.springframework.transaction.support.TransactionTemplate readOnly;

    public AccessService(DirectoryService directory, RolePermissionRepository rolePermissions, Clock clock,
                         org.springframework.transaction.PlatformTransactionManager transactions) {
        this.directory = directory;
        this.rolePermissions = rolePermissions;
        this.clock = clock;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The signed-in user; a request without one never reaches a feature (401 from the security rules). */
    public UserProfile currentUser() {
        return currentUserId().map(this::profile)
                .orElseThrow(() -> new BusinessException(ErrorCode.UNAUTHENTICATED, "error.unauthenticated"));
    }

    public Optional<String> currentUserId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }

    public UserProfile profile(String userId) {
        Cached cached = cache.get(userId);
        Instant now = clock.instant();
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.profile();
        }
        // one transaction for the directory and the role table: the connection goes back to the pool at its end
        UserProfile profile = readOnly.execute(status -> load(userId));
        cache.put(userId, new Cached(profile, now.plus(TTL)));
        return profile;
    }

    /** Throws 403 unless the current user holds the permission in any scope. */
    public UserProfile require(Permission permission) {
        UserProfile user = currentUser();
        if (!user.can(permission)) {
            throw BusinessException.forbidden(permission.code());
        }
        return user;
    }

    /**
     * Departments whose resources the current user may reach with {@code permission}; empty
     * means every department.
     */
    public Optional<Set<String>> departmentFilter(Permission permission) {
        UserProfile user = require(permission);
        return user.grants().scopeOf(permission).filter(s -> s == PermissionScope.ALL).isPresent()
                ? Optional.empty() : Optional.of(user.departmentIds());
    }

    void invalidateAll() {
        cache.clear();
    }

    private UserProfile load(String userId) {
        Optional<User> user = directory.user(userId);
        if (user.isEmpty()) {
            return new UserProfile(userId, userId, null, java.util.List.of(), java.util.List.of(), Grants.NONE);
        }
        var roles = directory.rolesOf(userId);
        String name = ((nullToEmpty(user.get().getLastName()) + nullToEmpty(user.get().getFirstName())).trim());
        return new UserProfile(userId, name.isEmpty() ? userId : name, user.get().getEmail(),
                directory.departmentsOf(userId), roles, Grants.merge(rolePermissions.findByRoles(roles)));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private record Cached(UserProfile profile, Instant expires) {
    }
}
