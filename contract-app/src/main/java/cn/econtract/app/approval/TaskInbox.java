package cn.econtract.app.approval;

import cn.econtract.app.identity.UserProfile;
import cn.econtract.app.kernel.BusinessException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/** The open tasks a user can work on: assigned to them, or offered to them or one of their groups. */
@Service
public class TaskInbox {

    private static final List<String> SHOWN = List.of("contractId", "contractNo", "title", "levelNumber", "levelName", "levelMode");

    private final TaskService tasks;
    private final ApprovalTasks approvals;

    TaskInbox(TaskService tasks, ApprovalTasks approvals) {
        this.tasks = tasks;
        this.approvals = approvals;
    }

    public List<TaskSummary> openTasksOf(UserProfile user, String contractId, int max) {
        TaskQuery query = tasks.createTaskQuery();
        if (contractId != null) {
            query.processInstanceBusinessKey(contractId);
        }
        return approvals.visible(query, user).orderByTaskCreateTime().desc().listPage(0, max).stream()
                .map(this::summary).toList();
    }

    public TaskSummary one(UserProfile user, String taskId) {
        Task task = approvals.visible(tasks.createTaskQuery().taskId(taskId), user).singleResult();
        if (task == null) {
            throw BusinessException.notFound("task", taskId);
        }
        return summary(task);
    }

    private TaskSummary summary(Task t) {
        Map<String, Object> v = tasks.getVariables(t.getId(), SHOWN);
        return new TaskSummary(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getProcessInstanceId(),
                (String) v.get("contractId"), (String) v.get("contractNo"), (String) v.get("title"),
                (Integer) v.get("levelNumber"), (String) v.get("levelName"), (String) v.get("levelMode"),
                t.getAssignee(), t.getCreateTime(), t.getDueDate());
    }
}
