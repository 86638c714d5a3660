package cn.econtract.app.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts the organisation the product needs into the directory at start-up, idempotently: the
 * role groups (their permissions come from the {@code role_permission} migration), Camunda
 * authorizations so each role sees Tasklist, the Tasklist filters, a bootstrap administrator on
 * an empty directory, and the demo organisation when asked for.
 */
@Component
@Order(0)
class OrganisationSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganisationSetup.class);

    /** Role id → display name; ids are Camunda candidate groups in the BPMN models. */
    static final Map<String, String> ROLES = Map.of(
            "drafter", "合同起草人 Drafter",
            "legal", "法务 Legal",
            "finance", "财务 Finance",
            "manager", "部门负责人 Department head",
            "gm", "总经理 General manager",
            "seal", "印章管理员 Seal custodian",
            "archivist", "档案管理员 Archivist",
            "auditor", "审计员 Auditor",
            "admin", "系统管理员 Administrator");

    private final DirectoryService directory;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final IdentityProperties properties;
    private final DemoOrganisation demo;

    OrganisationSetup(DirectoryService directory, AuthorizationService authorizations, FilterService filters,
                      TaskService tasks, IdentityProperties properties, DemoOrganisation demo) {
        this.directory = directory;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.properties = properties;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        ROLES.forEach((id, name) -> directory.ensureGroup(id, name, GroupType.ROLE));
        directory.ensureGroup(GroupType.CAMUNDA_ADMIN_GROUP, "Camunda 管理员 Camunda administrators", GroupType.SYSTEM);
        grantCamundaAdministrators();
        for (String role : ROLES.keySet()) {
            grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(role, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        }
        grant("auditor", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant("auditor", Resources.PROCESS_DEFINITION, "*", Permissions.READ_HISTORY);
        ensureTasklistFilters();
        // separate anchoring workers (java -jar … evidence-worker) fetch and complete the evidence
        // topics over the engine REST API as a member of this group, and may do nothing else
        workerGroup(GroupType.EVIDENCE_WORKER_GROUP, "存证服务 Evidence workers", "evidence-anchoring");
        // … and separate signing workers (java -jar … signing-worker) the signing-long-term topic
        workerGroup(GroupType.SIGNING_WORKER_GROUP, "签署服务 Signing workers", "contract-signing");

        if (properties.demoData()) {
            demo.seed();
        } else if (!directory.hasAnyUser() && properties.bootstrapAdminPassword() != null
                && !properties.bootstrapAdminPassword().isBlank()) {
            directory.ensureUser("admin", "管理员", "系统", null, properties.bootstrapAdminPassword(), true);
            directory.ensureMembership("admin", "admin");
            directory.ensureMembership("admin", GroupType.CAMUNDA_ADMIN_GROUP);
            log.info("Created bootstrap administrator 'admin' in an empty directory");
        } else if (!directory.hasAnyUser()) {
            log.warn("The user directory is empty: set ECONTRACT_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD to create 'admin'");
        }
    }

    private void grantCamundaAdministrators() {
        for (Resource resource : Resources.values()) {
            grant(GroupType.CAMUNDA_ADMIN_GROUP, resource, "*", Permissions.ALL);
        }
    }

    /** One authorization row per group and resource (Camunda's unique key); permissions accumulate in it. */
    private void workerGroup(String group, String name, String processDefinitionKey) {
        directory.ensureGroup(group, name, GroupType.SYSTEM);
        for (Permissions permission : List.of(Permissions.READ, Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE)) {
            grant(group, Resources.PROCESS_DEFINITION, processDefinitionKey, permission);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization auth = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
                .resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
        if (auth == null) {
            auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            auth.setGroupId(groupId);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
        } else if (auth.isPermissionGranted(permission)) {
            return;
        }
        auth.addPermission(permission);
        authorizations.saveAuthorization(auth);
    }

    /** Tasklist filters every user can read: assigned to me, offered to me by name, offered to my groups. */
    private void ensureTasklistFilters() {
        ensureFilter("我的任务 My tasks", -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensureFilter("我的候选任务 Offered to me", -7, tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}"));
        ensureFilter("我的组任务 My group tasks", -5,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    }

    private void ensureFilter(String name, int priority, org.camunda.bpm.engine.task.TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name).setQuery(query)
                .setProperties(Map.of("priority", priority, "refresh", true, "description", name));
        filters.saveFilter(filter);
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        read.setUserId(Authorization.ANY);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }
}
