package cn.econtract.app.approval;

import cn.econtract.app.identity.AccessService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "待办任务 open tasks")
class TaskController {

    private final TaskInbox inbox;
    private final AccessService access;

    TaskController(TaskInbox inbox, AccessService access) {
        this.inbox = inbox;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "The caller's open tasks (approval, signing, …), optionally for one contract")
    List<TaskSummary> list(@RequestParam(required = false) String contractId) {
        return inbox.openTasksOf(access.currentUser(), contractId, 200);
    }
}
