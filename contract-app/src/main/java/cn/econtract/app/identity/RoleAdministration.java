package cn.econtract.app.identity;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.kernel.BusinessException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators change which permissions each role carries; every change is logged. */
@Service
public class RoleAdministration {

    private final DirectoryService directory;
    private final RolePermissionRepository repository;
    private final AccessService access;
    private final OperationLogService log;

    RoleAdministration(DirectoryService directory, RolePermissionRepository repository, AccessService access,
                       OperationLogService log) {
        this.directory = directory;
        this.repository = repository;
        this.access = access;
        this.log = log;
    }

    public List<RoleView> roles() {
        Map<String, Map<String, PermissionScope>> byRole = repository.findAll().stream().collect(Collectors.groupingBy(
                RoleGrant::roleId, Collectors.toMap(g -> g.permission().code(), RoleGrant::scope,
                        (a, b) -> a.widest(b), LinkedHashMap::new)));
        return directory.roles().stream()
                .map(g -> new RoleView(g.getId(), g.getName(), byRole.getOrDefault(g.getId(), Map.of())))
                .toList();
    }

    @Transactional
    public RoleView replacePermissions(String roleId, Map<Permission, PermissionScope> permissions) {
        Group role = directory.roles().stream().filter(g -> g.getId().equals(roleId)).findFirst()
                .orElseThrow(() -> BusinessException.notFound("role", roleId));
        Map<String, PermissionScope> before = roles().stream().filter(r -> r.id().equals(roleId))
                .findFirst().map(RoleView::permissions).orElse(Map.of());
        repository.replace(roleId, permissions.entrySet().stream()
                .map(e -> new RoleGrant(roleId, e.getKey(), e.getValue())).toList());
        access.invalidateAll();
        Map<String, PermissionScope> after = permissions.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().code(), Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        log.record(OperationRecord.success(null, OperationAction.PERMISSION_CHANGE, "role", roleId)
                .withDetail("before=" + before + " after=" + after));
        return new RoleView(roleId, role.getName(), after);
    }

    public record RoleView(String id, String name, Map<String, PermissionScope> permissions) {
    }
}
