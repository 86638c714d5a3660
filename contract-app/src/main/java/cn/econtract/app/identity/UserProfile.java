package cn.econtract.app.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A signed-in user as the features see them: who, which departments and roles, and what they may do. */
public record UserProfile(String id, String displayName, String email, List<Department> departments,
                          List<String> roles, Grants grants) {

    public Set<String> departmentIds() {
        return departments.stream().map(Department::id).collect(Collectors.toUnmodifiableSet());
    }

    /** The department a new resource belongs to when none is given: the user's first. */
    public String primaryDepartmentId() {
        return departments.isEmpty() ? null : departments.get(0).id();
    }

    public boolean can(Permission permission) {
        return grants.allows(permission);
    }

    /** For templates: whether the user holds the permission with this code. */
    public boolean has(String permissionCode) {
        return Permission.fromCode(permissionCode).map(this::can).orElse(false);
    }

    public boolean canIn(Permission permission, String departmentId) {
        return grants.allowsIn(permission, departmentId, departmentIds());
    }
}
