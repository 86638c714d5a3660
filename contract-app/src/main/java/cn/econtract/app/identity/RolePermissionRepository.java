package cn.econtract.app.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RolePermissionRepository {

    private final JdbcClient jdbc;

    RolePermissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RoleGrant> findByRoles(Collection<String> roleIds) {
        if (roleIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT role_id, permission, scope FROM role_permission WHERE role_id IN (:roles)")
                .param("roles", roleIds).query((rs, n) -> grant(rs.getString(1), rs.getString(2), rs.getString(3)))
                .stream().flatMap(Optional::stream).toList();
    }

    List<RoleGrant> findAll() {
        return jdbc.sql("SELECT role_id, permission, scope FROM role_permission ORDER BY role_id, permission")
                .query((rs, n) -> grant(rs.getString(1), rs.getString(2), rs.getString(3)))
                .stream().flatMap(Optional::stream).toList();
    }

    void replace(String roleId, Collection<RoleGrant> grants) {
        jdbc.sql("DELETE FROM role_permission WHERE role_id = :role").param("role", roleId).update();
        for (RoleGrant grant : grants) {
            jdbc.sql("INSERT INTO role_permission (role_id, permission, scope) VALUES (:role, :permission, :scope)")
                    .param("role", roleId).param("permission", grant.permission().code())
                    .param("scope", grant.scope().name()).update();
        }
    }

    /** Unknown codes (from a newer version, say) are skipped rather than failing every login. */
    private static Optional<RoleGrant> grant(String role, String code, String scope) {
        return Permission.fromCode(code).map(p -> new RoleGrant(role, p, PermissionScope.valueOf(scope)));
    }
}
