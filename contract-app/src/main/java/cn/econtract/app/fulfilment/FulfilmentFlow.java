package cn.econtract.app.fulfilment;

import cn.econtract.delegates.fulfilment.FulfilmentPort;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/** The fulfilment processes' side of the application: each step one service call. */
@Component
class FulfilmentFlow implements FulfilmentPort {

    private final ObligationPlans plans;
    private final Reminders reminders;

    FulfilmentFlow(ObligationPlans plans, Reminders reminders) {
        this.plans = plans;
        this.reminders = reminders;
    }

    @Override
    public int propose(String contractId) {
        return plans.propose(contractId);
    }

    @Override
    public int planConfirmed(String contractId, String actor) {
        return plans.confirmPlan(contractId, actor);
    }

    @Override
    public NextStep planReminder(String obligationId, String daysBefore, Date now) {
        ReminderPlanner.Step step = plans.next(obligationId, daysBefore, now.toInstant());
        return new NextStep(step.step(), date(step.reminderAt()), step.reminderKey(), date(step.dueAt()));
    }

    @Override
    public void remind(String obligationId, String reminderKey, String channels, Date now) {
        reminders.remind(obligationId, reminderKey, channels, now.toInstant());
    }

    @Override
    public boolean due(String obligationId) {
        return plans.due(obligationId);
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }
}
