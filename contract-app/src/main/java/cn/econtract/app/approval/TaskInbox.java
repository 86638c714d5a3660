package cn.econtract.app.approval;

import cn.econtract.app.identity.UserProfile;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/** The open tasks a user can work on: assigned to them, or offered to them or one of their groups. */
@Service
public class TaskInbox {

    private final TaskService tasks;

    public TaskInbox(TaskService tasks) {
        this.tasks = tasks;
    }

    public List<TaskSummary> openTasksOf(UserProfile user, String contractId, int max) {
        List<String> groups = new ArrayList<>(user.roles());
        groups.addAll(user.departmentIds());
        TaskQuery query = tasks.createTaskQuery().active();
        if (contractId != null) {
            query.processInstanceBusinessKey(contractId);
        }
        TaskQuery mine = query.or().taskAssignee(user.id()).taskCandidateUser(user.id());
        if (!groups.isEmpty()) {
            mine = mine.taskCandidateGroupIn(groups);
        }
        return mine.endOr().orderByTaskCreateTime().desc().listPage(0, max).stream().map(TaskInbox::summary).toList();
    }

    private static TaskSummary summary(Task t) {
        return new TaskSummary(t.getId(), t.getName(), t.getProcessInstanceId(), null, t.getAssignee(),
                t.getCreateTime(), t.getDueDate());
    }
}
