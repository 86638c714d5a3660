package cn.econtract.delegates.archive;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the archive user tasks, whichever client completes them (our task API, Tasklist, engine
 * REST): the decision and opinion are checked and recorded before the process moves on. The
 * review's opinion is kept as {@code reviewOpinion} for the approver's form.
 */
@Component("archiveTaskListener")
public class ArchiveTaskListener implements TaskListener {

    private final ArchivingPort archiving;

    public ArchiveTaskListener(ArchivingPort archiving) {
        this.archiving = archiving;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = EngineContext.actor(task.getProcessEngineServices());
        String by = EngineContext.SYSTEM.equals(actor) && task.getAssignee() != null ? task.getAssignee() : actor;
        String decision = (String) task.getVariable("decision");
        String opinion = (String) task.getVariable("opinion");
        String key = task.getTaskDefinitionKey();
        switch (key) {
            case "Task_ApproveBorrowing" -> EngineContext.asEngine(() -> archiving.borrowingDecided(
                    (String) task.getVariable("borrowingId"), task.getId(), by, decision, opinion));
            case "Task_Review", "Task_ApproveDestruction" -> {
                EngineContext.asEngine(() -> archiving.destructionDecided((String) task.getVariable("archiveNo"), key, task.getId(),
                        by, decision, opinion));
                if ("Task_Review".equals(key)) {
                    task.getExecution().setVariable("reviewOpinion", opinion);
                }
            }
            default -> {
                // not an archive task
            }
        }
    }
}
