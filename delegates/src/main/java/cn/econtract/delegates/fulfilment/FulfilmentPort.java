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

    /** 评估逾期: overdue.drl on the obligation today; warnings and escalations are sent; answers what the watch starts. */
    OverdueSteps assessOverdue(String obligationId, Date now);

    /** 生成催款函: the next dunning letter drafted from the template; its id. */
    String draftDunningLetter(String obligationId, Date now);

    /** 催款函审批 or 争议处理 decided (form fields {@code decision}, {@code opinion}); refusing without an opinion → error. */
    void overdueTaskDecided(String taskKey, String obligationId, String letterId, String actor, String decision, String opinion);

    /** 发送催款函: the approved letter goes to the counterparty. */
    void sendDunningLetter(String letterId, Date now);

    /** Whether the rules asked for a dunning letter and for a dispute to be handed to legal. */
    record OverdueSteps(boolean dunningLetter, boolean dispute) {
    }

    /**
     * REMIND at {@code reminderAt} (key {@code reminderKey}), DUE at {@code dueAt}, or UNDATED while
     * the date is not known yet (it counts from an event that has not happened).
     */
    record NextStep(String step, Date reminderAt, String reminderKey, Date dueAt) {
    }
}
