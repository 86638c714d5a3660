package cn.econtract.delegates.fulfilment;

import java.util.Date;

/** What {@code fulfilment.bpmn} and {@code obligation-watch.bpmn} ask of the application. Implemented in contract-app. */
public interface FulfilmentPort {

    /** 提取履约义务: proposes the contract's obligations (from its variables or its text); answers how many. */
    int propose(String contractId);

    /** 确认履约计划 completed: the proposed obligations are confirmed and watched; answers how many are open. */
    int planConfirmed(String contractId, String actor);

    /**
     * 排定下次提醒: what the watch does next, given the schedule's days before the due date (e.g.
     * "7,3,1,0") and the engine's time now (the time its timers run on).
     */
    NextStep planReminder(String obligationId, String daysBefore, Date now);

    /**
     * 发送提醒: the reminder of {@code reminderKey} to the people responsible, on the schedule's
     * channels; sent once, and not at all when its timer fires after the due date passed.
     */
    void remind(String obligationId, String reminderKey, String channels, Date now);

    /** 到期处理: the due date passed; answers whether that settled the obligation (an expiry does, an unpaid payment does not). */
    boolean due(String obligationId);

    /**
     * REMIND at {@code reminderAt} (key {@code reminderKey}), DUE at {@code dueAt}, or UNDATED while
     * the date is not known yet (it counts from an event that has not happened).
     */
    record NextStep(String step, Date reminderAt, String reminderKey, Date dueAt) {
    }
}
