package cn.econtract.app.identity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What one user may do, merged over all of the user's roles (the widest scope wins). */
public record Grants(Map<Permission, PermissionScope> scopes) {

    public static final Grants NONE = new Grants(Map.of());

    public Grants {
        scopes = scopes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(scopes));
    }

    public boolean allows(Permission permission) {
        return scopes.containsKey(permission);
    }

    public Optional<PermissionScope> scopeOf(Permission permission) {
        return Optional.ofNullable(scopes.get(permission));
    }

    /** Whether the permission reaches a resource owned by {@code departmentId}. */
    public boolean allowsIn(Permission permission, String departmentId, Set<String> ownDepartments) {
        PermissionScope scope = scopes.get(permission);
        return scope == PermissionScope.ALL
                || (scope == PermissionScope.OWN_DEPARTMENT && departmentId != null && ownDepartments.contains(departmentId));
    }

    static Grants merge(Iterable<RoleGrant> roleGrants) {
        Map<Permission, PermissionScope> merged = new EnumMap<>(Permission.class);
        for (RoleGrant grant : roleGrants) {
            merged.merge(grant.permission(), grant.scope(), PermissionScope::widest);
        }
        return new Grants(merged);
    }
}
