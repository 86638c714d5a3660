package cn.econtract.app.identity;

/** One row of the role → permission mapping. */
public record RoleGrant(String roleId, Permission permission, PermissionScope scope) {
}
