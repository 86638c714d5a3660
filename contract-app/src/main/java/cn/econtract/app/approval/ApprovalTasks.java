package cn.econtract.app.approval;

import cn.econtract.app.contract.ContractService;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.identity.UserProfile;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approvers' actions through our API: decide, transfer (转办), add an approver (加签). The caller
 * must hold the task (assignee, or a candidate while it is unassigned); a task someone else
 * already decided answers 409, never an engine error.
 */
@Service
public class ApprovalTasks {

    static final String TOGETHER_TASK = "Task_ApproveTogether";
    private static final int ATTEMPTS = 3;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final AccessService access;
    private final ContractService contracts;
    private final ApprovalFlow flow;
    private final EngineCalls engine;
    private final TransactionTemplate transaction;

    ApprovalTasks(TaskService tasks, RuntimeService runtime, HistoryService history, AccessService access,
                  ContractService contracts, ApprovalFlow flow, EngineCalls engine, TransactionTemplate transaction) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.access = access;
        this.contracts = contracts;
        this.flow = flow;
        this.engine = engine;
        this.transaction = transaction;
    }

    /** The decision on a task: APPROVE, REJECT (opinion required) or RETURN for revision (opinion required). */
    public void complete(String taskId, String decision, String opinion) {
        UserProfile me = access.currentUser();
        List<FieldError> errors = ApprovalFlow.decisionErrors(decision, opinion);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", decision);
        variables.put("opinion", opinion);
        for (int attempt = 1; ; attempt++) {
            Task task = held(taskId, me);
            try {
                transaction.executeWithoutResult(status -> engine.as(me, () -> {
                    if (task.getAssignee() == null) {
                        tasks.claim(taskId, me.id());
                    }
                    tasks.complete(taskId, variables);
                }));
                return;
            } catch (TaskAlreadyClaimedException e) {
                throw BusinessException.stateConflict("error.approval.taskTaken", taskId);
            } catch (RuntimeException e) {
                if (!lostRace(e)) {
                    throw e;
                }
                // another decision won the race: on this task that is final, on a sibling task just retry
                if (decided(taskId) || attempt == ATTEMPTS) {
                    throw BusinessException.stateConflict("error.approval.alreadyDecided", taskId);
                }
            }
        }
    }

    /** 转办: hands the task to a colleague who may see the contract. */
    public void transfer(String taskId, String toUser) {
        UserProfile me = access.currentUser();
        Task task = held(taskId, me);
        requireColleague(task, toUser, "userId");
        engine.as(me, () -> tasks.setAssignee(taskId, toUser));
    }

    /**
     * 加签: one more approver at the task's level, deciding alongside the others (会签: all must
     * approve; 或签: the first decision counts). A sequential level (逐级) has a fixed order: 409.
     */
    public void addApprover(String taskId, String userId) {
        UserProfile me = access.currentUser();
        Task task = held(taskId, me);
        if (!TOGETHER_TASK.equals(task.getTaskDefinitionKey())) {
            throw BusinessException.stateConflict("error.approval.addToSequential", taskId);
        }
        String contractId = requireColleague(task, userId, "userId");
        boolean pending = tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId()).active().list().stream()
                .anyMatch(t -> userId.equals(t.getAssignee())
                        || tasks.getIdentityLinksForTask(t.getId()).stream().anyMatch(l -> userId.equals(l.getUserId())));
        if (pending) {
            throw BusinessException.stateConflict("error.approval.alreadyApprover", userId);
        }
        ActivityInstance body = find(runtime.getActivityInstance(task.getProcessInstanceId()), TOGETHER_TASK + "#multiInstanceBody");
        Map<String, Object> local = tasks.getVariables(taskId, List.of("round", "levelNumber", "levelName", "levelMode"));
        transaction.executeWithoutResult(status -> {
            engine.as(me, () -> runtime.createProcessInstanceModification(task.getProcessInstanceId())
                    .startBeforeActivity(TOGETHER_TASK, body.getId())
                    .setVariableLocal("approverSlot", "user:" + userId)
                    .execute());
            flow.approverAdded(new ApprovalStep(contractId, (Integer) local.get("round"), (Integer) local.get("levelNumber"),
                    (String) local.get("levelName"), (String) local.get("levelMode"), taskId, task.getName(),
                    StepAction.APPROVER_ADDED, me.id(), userId, null, 0, null, null));
        });
    }

    /** The task if the caller may act on it; 404 if it is not theirs, 409 if it was already decided. */
    Task held(String taskId, UserProfile me) {
        Task task = visible(tasks.createTaskQuery().taskId(taskId), me).singleResult();
        if (task == null) {
            if (decided(taskId)) {
                throw BusinessException.stateConflict("error.approval.alreadyDecided", taskId);
            }
            throw BusinessException.notFound("task", taskId);
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(me.id())) {
            throw BusinessException.stateConflict("error.approval.taskTaken", taskId);
        }
        return task;
    }

    /** The caller's tasks: assigned to them, or offered to them or one of their groups. */
    public TaskQuery visible(TaskQuery query, UserProfile me) {
        List<String> groups = new ArrayList<>(me.roles());
        groups.addAll(me.departmentIds());
        TaskQuery mine = query.active().or().taskAssignee(me.id()).taskCandidateUser(me.id());
        if (!groups.isEmpty()) {
            mine = mine.taskCandidateGroupIn(groups);
        }
        return mine.endOr();
    }

    /** The engine's optimistic lock or the trail's one-decision-per-task key, however deep the engine wrapped it. */
    private static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof org.springframework.dao.DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    private boolean decided(String taskId) {
        return history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
    }

    /** The target must exist and be able to view the contract; answers the contract id. */
    private String requireColleague(Task task, String userId, String field) {
        String contractId = (String) tasks.getVariable(task.getId(), "contractId");
        ContractService.Header contract = contracts.header(contractId);
        UserProfile target;
        try {
            target = userId == null || userId.isBlank() ? null : access.profile(userId);
        } catch (RuntimeException e) {
            target = null;
        }
        if (target == null || target.roles().isEmpty() && target.departments().isEmpty()) {
            throw new InvalidFieldsException(List.of(new FieldError(field, "validation.approval.unknownUser", userId)));
        }
        if (!target.canIn(Permission.CONTRACT_VIEW, contract.departmentId())) {
            throw new InvalidFieldsException(List.of(new FieldError(field, "validation.approval.cannotView", userId)));
        }
        return contractId;
    }

    private static ActivityInstance find(ActivityInstance node, String activityId) {
        if (activityId.equals(node.getActivityId())) {
            return node;
        }
        for (ActivityInstance child : node.getChildActivityInstances()) {
            ActivityInstance found = find(child, activityId);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
