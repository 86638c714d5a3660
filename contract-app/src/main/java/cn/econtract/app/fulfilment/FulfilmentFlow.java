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
    private final OverdueHandling overdue;
    private final DunningLetters letters;
    private final java.time.Clock clock;

    FulfilmentFlow(ObligationPlans plans, Reminders reminders, OverdueHandling overdue, DunningLetters letters, java.time.Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.reminders = reminders;
        this.overdue = overdue;
        this.letters = letters;
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

    @Override
    public OverdueSteps assessOverdue(String obligationId, Date now) {
        OverdueHandling.Assessment a = overdue.assess(obligationId, now.toInstant());
        return new OverdueSteps(a.dunningLetter(), a.dispute());
    }

    @Override
    public String draftDunningLetter(String obligationId, Date now) {
        return letters.draft(obligationId, now.toInstant());
    }

    @Override
    public void overdueTaskDecided(String taskKey, String obligationId, String letterId, String actor, String decision, String opinion) {
        if ("Task_ApproveLetter".equals(taskKey)) {
            letters.decided(letterId, actor, decision, opinion, clock.instant());
        } else if ("Task_Dispute".equals(taskKey)) {
            overdue.disputeHandled(obligationId, actor, decision, opinion, clock.instant());
        }
    }

    @Override
    public void sendDunningLetter(String letterId, Date now) {
        letters.send(letterId, now.toInstant());
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }
}
