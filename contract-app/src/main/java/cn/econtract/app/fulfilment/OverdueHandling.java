package cn.econtract.app.fulfilment;

import cn.econtract.app.approval.TaskDecisions;
import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import java.util.List;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.contract.Contract;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.identity.DirectoryService;
import cn.econtract.app.kernel.ContractEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 逾期处理, once a day per overdue obligation: the facts (days overdue, amount due, direction, the
 * counterparty's late record over the last 12 months, letters already issued, an open dispute) go
 * to {@code overdue.drl}; warnings and escalations are sent here (in-app and e-mail, once per
 * action and day); a dunning letter or a dispute is answered for the watch to start.
 */
@Service
public class OverdueHandling {

    private final ObligationPlans plans;
    private final OverdueRules rules;
    private final Reminders reminders;
    private final ContractService contracts;
    private final DirectoryService directory;
    private final OperationLogService log;
    private final JdbcClient jdbc;
    private final TaskDecisions decisions;

    OverdueHandling(ObligationPlans plans, OverdueRules rules, Reminders reminders, ContractService contracts, DirectoryService directory,
                    OperationLogService log, JdbcClient jdbc, TaskDecisions decisions) {
        this.plans = plans;
        this.rules = rules;
        this.reminders = reminders;
        this.contracts = contracts;
        this.directory = directory;
        this.log = log;
        this.jdbc = jdbc;
        this.decisions = decisions;
    }

    /** What the rules asked the watch to do besides notifying: draft a dunning letter, hand over a dispute. */
    public record Assessment(boolean dunningLetter, boolean dispute, Map<String, String> actions) {
    }

    @Transactional
    public Assessment assess(String obligationId, Instant now) {
        Obligation o = plans.registered(obligationId);
        if (o.status().settled() || o.dueDate() == null) {
            return new Assessment(false, false, Map.of());
        }
        LocalDate today = LocalDate.ofInstant(now, ReminderPlanner.CHINA);
        long days = ChronoUnit.DAYS.between(o.dueDate(), today);
        Contract c = contracts.registered(o.contractId()).contract();
        BigDecimal due = o.amount() == null ? BigDecimal.ZERO : o.amount().subtract(o.settledAmount());
        OverdueCase fact = rules.decide(new OverdueCase(o.kind().name(), o.party().name(), days, due, lateCount(c, o, today),
                letters(obligationId), disputeOpen(obligationId)));
        Map<String, String> actions = fact.actions();
        String subject = "【逾期】" + c.contractNo() + " " + o.title() + " 已逾期 " + days + " 天";
        String text = "【电子合同】逾期提醒：合同 " + c.contractNo() + "《" + c.title() + "》的义务「" + o.title() + "」已于 " + o.dueDate()
                + " 到期，逾期 " + days + " 天" + (due.signum() > 0 ? "，未结金额 ¥" + due.toPlainString() : "") + "。\n"
                + "Overdue: \"" + o.title() + "\" of contract " + c.contractNo() + " was due on " + o.dueDate() + " (" + days + " days).";
        if (actions.containsKey("WARN_OWNER")) {
            reminders.notify(o, "OVERDUE-D+" + days, Set.of(owner(o, c)), "EMAIL,IN_APP", subject, text + "\n" + actions.get("WARN_OWNER"), now);
        }
        if (actions.containsKey("ESCALATE")) {
            Set<String> up = new LinkedHashSet<>(directory.members("manager", c.departmentId()));
            up.addAll(directory.members("finance", null));
            reminders.notify(o, "ESCALATE-D+" + days, up, "EMAIL,IN_APP", "【上报】" + subject, text + "\n" + actions.get("ESCALATE"), now);
        }
        if (actions.containsKey("OPEN_DISPUTE") && !disputeOpen(obligationId)) {
            jdbc.sql("INSERT INTO obligation_dispute (obligation_id, contract_id, opened_at, reason) VALUES (:o, :c, :at, :r)")
                    .param("o", obligationId).param("c", o.contractId()).param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .param("r", actions.get("OPEN_DISPUTE")).update();
            contracts.event(ContractEvent.Type.OBLIGATION_OVERDUE, o.contractId(), ObligationPlans.SYSTEM, "dispute opened: " + o.title()
                    + " (" + actions.get("OPEN_DISPUTE") + ")");
        }
        log.record(OperationRecord.success(ObligationPlans.SYSTEM, OperationAction.STATUS_CHANGE, "contract", o.contractId())
                .withDetail("overdue " + days + "d " + o.title() + " → " + actions.keySet()));
        return new Assessment(actions.containsKey("DUNNING_LETTER"), actions.containsKey("OPEN_DISPUTE"), actions);
    }

    /**
     * 争议处理 completed by legal: APPROVE pursues the claim (negotiation, arbitration, litigation —
     * the opinion says which), REJECT writes it off. Either way the opinion is required and kept.
     */
    @Transactional
    public void disputeHandled(String obligationId, String actor, String decision, String opinion, Instant at) {
        String checked = decisions.check(decision, opinion);
        if (checked == null) {
            throw new InvalidFieldsException(List.of(new FieldError("opinion", "validation.approval.opinionRequired")));
        }
        String handling = ("APPROVE".equals(decision) ? "继续追偿 pursued: " : "核销 written off: ") + checked;
        jdbc.sql("UPDATE obligation_dispute SET handled_by = :by, handled_at = :at, handling = :h WHERE obligation_id = :o")
                .param("by", actor).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("h", handling).param("o", obligationId)
                .update();
        Obligation o = plans.registered(obligationId);
        contracts.event(ContractEvent.Type.OBLIGATION_OVERDUE, o.contractId(), actor, "dispute handled: " + o.title() + " — " + handling);
        if (!"APPROVE".equals(decision)) {
            plans.writeOff(obligationId, actor, checked);
        }
    }

    private String owner(Obligation o, Contract c) {
        return o.responsible() == null ? c.createdBy() : o.responsible();
    }

    /** The counterparty's other obligations that went overdue within the last 12 months. */
    private int lateCount(Contract c, Obligation o, LocalDate today) {
        if (c.counterpartyName() == null) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM obligation o JOIN contract c ON c.id = o.contract_id WHERE c.counterparty_name = :cp "
                        + "AND o.id <> :id AND o.party = 'COUNTERPARTY' AND o.due_date >= :since AND o.due_date < :today "
                        + "AND (o.status = 'OVERDUE' OR (o.status = 'FULFILLED' AND CAST(o.settled_at AS DATE) > o.due_date))")
                .param("cp", c.counterpartyName()).param("id", o.id()).param("since", today.minusYears(1)).param("today", today)
                .query(Integer.class).single();
    }

    private int letters(String obligationId) {
        return jdbc.sql("SELECT COUNT(*) FROM dunning_letter WHERE obligation_id = :o AND status <> 'REJECTED'").param("o", obligationId)
                .query(Integer.class).single();
    }

    private boolean disputeOpen(String obligationId) {
        return jdbc.sql("SELECT COUNT(*) FROM obligation_dispute WHERE obligation_id = :o").param("o", obligationId)
                .query(Integer.class).single() > 0;
    }
}
