package cn.econtract.delegates.fulfilment;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 排定下次提醒: the obligation, the schedule and the engine's time in; the next step and its times out, for the gateway and the timers. */
@Component("planReminder")
public class PlanReminder implements JavaDelegate {

    private final FulfilmentPort fulfilment;

    public PlanReminder(FulfilmentPort fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FulfilmentPort.NextStep next = EngineContext.asEngine(() -> fulfilment.planReminder(
                (String) execution.getVariable("obligationId"), (String) execution.getVariable("daysBefore"), ClockUtil.getCurrentTime()));
        execution.setVariable("nextStep", next.step());
        execution.setVariable("nextReminderAt", next.reminderAt());
        execution.setVariable("reminderKey", next.reminderKey());
        execution.setVariable("dueAt", next.dueAt());
    }
}
