package cn.econtract.app.approval;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.contract.Contract;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
import cn.econtract.delegates.EngineContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** The approval trail of a contract (F2.2) as the API and the audit report show it. */
@Service
public class ApprovalTrail {

    private final ApprovalRepository repository;
    private final ContractService contracts;
    private final AccessService access;
    private final TaskService tasks;

    ApprovalTrail(ApprovalRepository repository, ContractService contracts, AccessService access, TaskService tasks) {
        this.repository = repository;
        this.contracts = contracts;
        this.access = access;
        this.tasks = tasks;
    }

    public record Trail(String contractId, String contractNo, String title, String status, List<Round> rounds,
                        List<Pending> pending) {
    }

    public record Round(int round, String submittedBy, String submittedByName, Instant submittedAt, int contractVersion,
                        String contentHash, String outcome, Instant endedAt, List<ApprovalLevel> route, List<Step> steps) {
    }

    public record Step(Integer level, String levelName, String mode, StepAction action, String actor, String actorName,
                       String targetUser, String opinion, int contractVersion, String taskId, String taskName,
                       Instant taskCreatedAt, Instant occurredAt) {
    }

    public record Pending(String taskId, String name, Integer level, String levelName, String assignee,
                          List<String> candidateUsers, List<String> candidateGroups, Date created) {
    }

    /** The trail of a contract the caller may view (404 otherwise, as for the contract itself). */
    public Trail of(String contractId) {
        Contract contract = contracts.drafted(contractId, Permission.CONTRACT_VIEW, OperationAction.VIEW).contract();
        Map<String, String> names = new HashMap<>();
        Map<Integer, List<Step>> steps = new HashMap<>();
        for (ApprovalStep s : repository.steps(contractId)) {
            steps.computeIfAbsent(s.round(), r -> new ArrayList<>()).add(new Step(s.level(), s.levelName(), s.mode(),
                    s.action(), s.actor(), name(names, s.actor()), s.targetUser(), s.opinion(), s.contractVersion(),
                    s.taskId(), s.taskName(), s.taskCreatedAt(), s.occurredAt()));
        }
        List<Round> rounds = repository.rounds(contractId).stream().map(r -> new Round(r.round(), r.submittedBy(),
                name(names, r.submittedBy()), r.submittedAt(), r.contractVersion(), r.contentHash(), r.outcome(), r.endedAt(),
                r.route(), steps.getOrDefault(r.round(), List.of()))).toList();
        List<Pending> pending = tasks.createTaskQuery().processInstanceBusinessKey(contractId).active()
                .orderByTaskCreateTime().asc().list().stream().map(this::pending).toList();
        return new Trail(contractId, contract.contractNo(), contract.title(), contract.status().name(), rounds, pending);
    }

    private Pending pending(Task t) {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(t.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getUserId() != null) {
                    users.add(link.getUserId());
                } else if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
        }
        Object level = tasks.getVariable(t.getId(), "levelNumber");
        Object levelName = tasks.getVariable(t.getId(), "levelName");
        return new Pending(t.getId(), t.getName(), level instanceof Integer i ? i : null,
                levelName == null ? null : levelName.toString(), t.getAssignee(), users, groups, t.getCreateTime());
    }

    private String name(Map<String, String> names, String userId) {
        if (userId == null || EngineContext.SYSTEM.equals(userId)) {
            return userId == null ? null : "系统 System";
        }
        return names.computeIfAbsent(userId, id -> access.profile(id).displayName());
    }
}
