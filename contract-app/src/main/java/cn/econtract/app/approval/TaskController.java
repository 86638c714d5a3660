package cn.econtract.app.approval;

import cn.econtract.app.identity.AccessService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "待办任务 open tasks")
class TaskController {

    private final TaskInbox inbox;
    private final ApprovalTasks approvals;
    private final AccessService access;

    TaskController(TaskInbox inbox, ApprovalTasks approvals, AccessService access) {
        this.inbox = inbox;
        this.approvals = approvals;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "The caller's open tasks (approval, revision, …), optionally for one contract")
    List<TaskSummary> list(@RequestParam(required = false) String contractId) {
        return inbox.openTasksOf(access.currentUser(), contractId, 200);
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "One of the caller's open tasks")
    TaskSummary get(@PathVariable String taskId) {
        return inbox.one(access.currentUser(), taskId);
    }

    record Decision(String decision, String opinion) {
    }

    record Colleague(String userId) {
    }

    @PostMapping("/{taskId}/complete")
    @Operation(summary = "Decide an approval task: APPROVE, REJECT or RETURN (opinion required to reject or return); "
            + "409 if another approver already decided it")
    ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody Decision body) {
        approvals.complete(taskId, body.decision(), body.opinion());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/transfer")
    @Operation(summary = "转办: hand the task to a colleague who may view the contract")
    ResponseEntity<Void> transfer(@PathVariable String taskId, @RequestBody Colleague body) {
        approvals.transfer(taskId, body.userId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/approvers")
    @Operation(summary = "加签: add an approver to the task's level (会签/或签 levels)")
    ResponseEntity<Void> addApprover(@PathVariable String taskId, @RequestBody Colleague body) {
        approvals.addApprover(taskId, body.userId());
        return ResponseEntity.noContent().build();
    }
}
