package cn.econtract.app.approval;

import cn.econtract.app.identity.UserProfile;
import cn.econtract.app.kernel.BusinessException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** The open tasks a user can work on: assigned to them, or offered to them or one of their groups. */
@Service
public class TaskInbox {

    private static final List<String> SHOWN = List.of("contractId", "contractNo", "title", "levelNumber", "levelName", "levelMode");
    static final Duration SHOWN_TTL = Duration.ofSeconds(30);
    private static final int SHOWN_MAX = 20_000;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ApprovalTasks approvals;
    private final String taskTable;
    private final String linkTable;
    private final String executionTable;
    private final Clock clock;
    private final Map<String, Shown> shown = new ConcurrentHashMap<>();

    TaskInbox(TaskService tasks, RuntimeService runtime, ApprovalTasks approvals, ManagementService management, Clock clock) {
        this.clock = clock;
        this.tasks = tasks;
        this.runtime = runtime;
        this.approvals = approvals;
        this.taskTable = management.getTableName(Task.class);
        // the engine maps its entity classes, not every interface, to table names (with any prefix)
        this.linkTable = management.getTableName(IdentityLinkEntity.class);
        this.executionTable = management.getTableName(ExecutionEntity.class);
    }

    public List<TaskSummary> openTasksOf(UserProfile user, String contractId, int max) {
        return summaries(visible(user, contractId).listPage(0, max));
    }

    /**
     * {@link ApprovalTasks#visible} as one native query, newest first. The engine's task query
     * builds its SQL from a large dynamic MyBatis mapping on every call (OGNL over dozens of
     * conditions) and looked up the user's groups again: ~60 % of an inbox request's CPU under
     * load (bench/RESULTS.md). Same rows: active, assigned to the user, or unassigned and offered
     * to the user or one of their roles or departments (ApprovalScenarios.theInboxQueryFindsTheSameTasksAsTheEngineQuery
     * compares both).
     */
    private NativeTaskQuery visible(UserProfile user, String contractId) {
        List<String> groups = new ArrayList<>(user.roles());
        groups.addAll(user.departmentIds());
        StringBuilder offered = new StringBuilder("I.USER_ID_ = #{me}");
        if (!groups.isEmpty()) {
            offered.append(" OR I.GROUP_ID_ IN (");
            for (int i = 0; i < groups.size(); i++) {
                offered.append(i == 0 ? "" : ", ").append("#{g").append(i).append('}');
            }
            offered.append(')');
        }
        StringBuilder sql = new StringBuilder("SELECT RES.* FROM ").append(taskTable).append(" RES WHERE RES.SUSPENSION_STATE_ = 1")
                .append(" AND (RES.ASSIGNEE_ = #{me} OR (RES.ASSIGNEE_ IS NULL AND EXISTS (SELECT 1 FROM ").append(linkTable)
                .append(" I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' AND (").append(offered).append("))))");
        if (contractId != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM ").append(executionTable)
                    .append(" E WHERE E.ID_ = RES.PROC_INST_ID_ AND E.BUSINESS_KEY_ = #{contractId})");
        }
        sql.append(" ORDER BY RES.CREATE_TIME_ DESC, RES.ID_");
        NativeTaskQuery query = tasks.createNativeTaskQuery().sql(sql.toString()).parameter("me", user.id());
        for (int i = 0; i < groups.size(); i++) {
            query.parameter("g" + i, groups.get(i));
        }
        return contractId == null ? query : query.parameter("contractId", contractId);
    }

    public TaskSummary one(UserProfile user, String taskId) {
        Task task = approvals.visible(tasks.createTaskQuery().taskId(taskId), user).singleResult();
        if (task == null) {
            throw BusinessException.notFound("task", taskId);
        }
        return summary(task, tasks.getVariables(task.getId(), SHOWN));
    }

    /**
     * The shown variables of all tasks in one query instead of one engine command per task (an
     * inbox of 20 made 21 commands). A name found once in a task's process instance is that task's;
     * found in several scopes, the engine resolves it for that task (nearest scope wins). They are
     * set before a task is created and not changed while it is open, so each task's are kept for
     * {@link #SHOWN_TTL}: an inbox read again and again reads only the task rows.
     */
    private List<TaskSummary> summaries(List<Task> found) {
        Instant now = clock.instant();
        Map<String, Map<String, Object>> values = new HashMap<>();
        List<Task> unknown = new ArrayList<>();
        for (Task t : found) {
            Shown known = shown.get(t.getId());
            if (known != null && known.until().isAfter(now)) {
                values.put(t.getId(), known.values());
            } else {
                unknown.add(t);
            }
        }
        if (!unknown.isEmpty()) {
            Map<String, Map<String, List<VariableInstance>>> byInstance = new HashMap<>();
            String[] instances = unknown.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
            for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(instances)
                    .variableNameIn(SHOWN.toArray(String[]::new)).list()) {
                byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
                        .computeIfAbsent(v.getName(), k -> new ArrayList<>()).add(v);
            }
            if (shown.size() > SHOWN_MAX) {
                shown.clear();
            }
            for (Task t : unknown) {
                Map<String, Object> read = variablesOf(t, byInstance.getOrDefault(t.getProcessInstanceId(), Map.of()));
                values.put(t.getId(), read);
                shown.put(t.getId(), new Shown(read, now.plus(SHOWN_TTL)));
            }
        }
        return found.stream().map(t -> summary(t, values.get(t.getId()))).toList();
    }

    private record Shown(Map<String, Object> values, Instant until) {
    }

    private Map<String, Object> variablesOf(Task task, Map<String, List<VariableInstance>> byName) {
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, List<VariableInstance>> name : byName.entrySet()) {
            if (name.getValue().size() > 1) {
                return tasks.getVariables(task.getId(), SHOWN);
            }
            values.put(name.getKey(), name.getValue().get(0).getValue());
        }
        return values;
    }

    private static TaskSummary summary(Task t, Map<String, Object> v) {
        return new TaskSummary(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getProcessInstanceId(),
                (String) v.get("contractId"), (String) v.get("contractNo"), (String) v.get("title"),
                (Integer) v.get("levelNumber"), (String) v.get("levelName"), (String) v.get("levelMode"),
                t.getAssignee(), t.getCreateTime(), t.getDueDate());
    }
}
