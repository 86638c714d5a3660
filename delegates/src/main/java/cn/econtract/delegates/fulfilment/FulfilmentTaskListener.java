package cn.econtract.delegates.fulfilment;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the fulfilment user tasks, whichever client completes them. 确认履约计划: the plan is confirmed
 * and watched; the number of open obligations decides whether the process waits for them.
 * 催款函审批 and 争议处理: the decision and opinion are checked and recorded.
 */
@Component("fulfilmentTaskListener")
public class FulfilmentTaskListener implements TaskListener {

    private final FulfilmentPort fulfilment;

    public FulfilmentTaskListener(FulfilmentPort fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = EngineContext.actor(task.getProcessEngineServices());
        String by = EngineContext.SYSTEM.equals(actor) && task.getAssignee() != null ? task.getAssignee() : actor;
        String key = task.getTaskDefinitionKey();
        if ("Task_ConfirmPlan".equals(key)) {
            int open = EngineContext.asEngine(() -> fulfilment.planConfirmed((String) task.getVariable("contractId"), by));
            task.getExecution().setVariable("openObligations", open);
        } else {
            EngineContext.asEngine(() -> fulfilment.overdueTaskDecided(key, (String) task.getVariable("obligationId"),
                    (String) task.getVariable("letterId"), by, (String) task.getVariable("decision"), (String) task.getVariable("opinion")));
        }
    }
}
