package cn.econtract.delegates.approval;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the approval user tasks. {@code complete}: the decision and opinion (task-local variables
 * from the form) go to the trail, and the outcome they settle is written where the level's and
 * the round's completion conditions read it. {@code assignment}: a task changing hands (claim,
 * transfer, delegation) is recorded with who had it before. Works the same for Tasklist, the engine REST API and our API.
 */
@Component("approvalTaskListener")
public class ApprovalTaskListener implements TaskListener {

    /** Task-local: who held the task before, so a change of hands is recorded from → to. */
    static final String LAST_ASSIGNEE = "lastAssignee";

    private final ApprovalPort approval;

    public ApprovalTaskListener(ApprovalPort approval) {
        this.approval = approval;
    }

    @Override
    public void notify(DelegateTask task) {
        String contractId = (String) task.getVariable("contractId");
        int round = (Integer) task.getVariable("round");
        String actor = EngineContext.actor(task.getProcessEngineServices());
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                if (!task.hasVariableLocal(LAST_ASSIGNEE)) {
                    task.setVariableLocal(LAST_ASSIGNEE, task.getAssignee());
                }
            }
            case EVENTNAME_ASSIGNMENT -> {
                // the engine may fire the first assignment before or after create: only later ones are changes
                if (!task.hasVariableLocal(LAST_ASSIGNEE)) {
                    task.setVariableLocal(LAST_ASSIGNEE, task.getAssignee());
                    return;
                }
                String from = (String) task.getVariableLocal(LAST_ASSIGNEE);
                String to = task.getAssignee();
                if (!java.util.Objects.equals(from, to)) {
                    EngineContext.asEngine(() -> approval.assigned(contractId, round, task.getId(), actor, from, to));
                    task.setVariableLocal(LAST_ASSIGNEE, to);
                }
            }
            case EVENTNAME_COMPLETE -> {
                String decider = EngineContext.SYSTEM.equals(actor) && task.getAssignee() != null ? task.getAssignee() : actor;
                TaskDecision decision = new TaskDecision(contractId, round, (Integer) task.getVariable("levelNumber"),
                        (String) task.getVariable("levelName"), (String) task.getVariable("levelMode"), task.getId(),
                        task.getName(), task.getCreateTime(), decider, (String) task.getVariable("decision"),
                        (String) task.getVariable("opinion"));
                LevelEffect effect = EngineContext.asEngine(() -> approval.decide(decision));
                if (!"PENDING".equals(effect.levelOutcome())) {
                    task.getExecution().setVariable("levelOutcome", effect.levelOutcome());
                }
                if (!"PENDING".equals(effect.approvalOutcome())) {
                    task.getExecution().setVariable("approvalOutcome", effect.approvalOutcome());
                }
            }
            default -> {
                // update, delete, timeout: nothing to record
            }
        }
    }
}
