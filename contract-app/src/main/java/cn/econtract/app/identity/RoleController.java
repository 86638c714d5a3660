package cn.econtract.app.identity;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Role → permission administration (permission {@code admin}). */
@RestController
@RequestMapping("/api/v1/admin/roles")
@Tag(name = "Administration", description = "角色与权限 roles and permissions")
class RoleController {

    private final RoleAdministration roles;

    RoleController(RoleAdministration roles) {
        this.roles = roles;
    }

    @GetMapping
    @Operation(summary = "Roles with their permissions and scopes")
    List<RoleAdministration.RoleView> list() {
        return roles.roles();
    }

    @PutMapping("/{roleId}/permissions")
    @Operation(summary = "Replace a role's permissions, e.g. {\"permissions\": {\"contract:view\": \"ALL\"}}")
    RoleAdministration.RoleView replace(@PathVariable String roleId, @Valid @RequestBody PermissionsRequest request) {
        Map<Permission, PermissionScope> parsed = new EnumMap<>(Permission.class);
        request.permissions().forEach((code, scope) -> parsed.put(Permission.fromCode(code).orElseThrow(
                () -> new BusinessException(ErrorCode.VALIDATION_FAILED, "error.unknownPermission", code)), scope));
        return roles.replacePermissions(roleId, parsed);
    }

    record PermissionsRequest(@NotNull Map<String, @NotNull PermissionScope> permissions) {
    }
}
