package cn.econtract.delegates.fulfilment;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 确认履约计划 completed, whichever client completed it: the plan is confirmed and watched; the
 * number of open obligations decides whether the process waits for them.
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
        int open = EngineContext.asEngine(() -> fulfilment.planConfirmed((String) task.getVariable("contractId"), by));
        task.getExecution().setVariable("openObligations", open);
    }
}
