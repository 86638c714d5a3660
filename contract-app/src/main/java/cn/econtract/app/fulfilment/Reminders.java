package cn.econtract.app.fulfilment;

import cn.econtract.app.contract.Contract;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.identity.DirectoryService;
import cn.econtract.app.notification.NotificationPreferences;
import cn.econtract.app.notification.Notifications;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 发送提醒: one reminder to the person responsible on each channel the schedule names and they
 * have not switched off. In-app at once; e-mail and SMS are queued in {@code reminder_delivery} in
 * the watch's transaction and sent by {@link ReminderDispatcher}. The row's unique key (obligation,
 * reminder, channel, person) is what keeps a reminder from going out twice — after a restart, a
 * retried job or on a second node.
 */
@Service
public class Reminders {

    private final ObligationPlans plans;
    private final ContractService contracts;
    private final DirectoryService directory;
    private final NotificationPreferences preferences;
    private final Notifications notifications;
    private final FulfilmentProperties properties;
    private final JdbcClient jdbc;

    Reminders(ObligationPlans plans, ContractService contracts, DirectoryService directory, NotificationPreferences preferences,
              Notifications notifications, FulfilmentProperties properties, JdbcClient jdbc) {
        this.plans = plans;
        this.contracts = contracts;
        this.directory = directory;
        this.preferences = preferences;
        this.notifications = notifications;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Transactional
    public void remind(String obligationId, String reminderKey, String channels, Instant now) {
        Obligation o = plans.registered(obligationId);
        LocalDate today = LocalDate.ofInstant(now, ReminderPlanner.CHINA);
        // settled, or its date already passed (the timer fired late): a reminder would only confuse
        if (o.status().settled() || reminderKey == null || o.dueDate() == null || today.isAfter(o.dueDate())) {
            return;
        }
        Contract c = contracts.registered(o.contractId()).contract();
        String recipient = o.responsible() == null ? c.createdBy() : o.responsible();
        String subject = "【履约提醒】" + c.contractNo() + " " + o.title() + "（" + o.dueDate() + " 到期）";
        notify(o, reminderKey, Set.of(recipient), channels, subject, text(c, o, today), now);
    }

    /**
     * One message about the obligation to each recipient on each of {@code channels} they have not
     * switched off, once per {@code key}: in-app at once, e-mail and SMS queued for the dispatcher.
     */
    @Transactional
    public void notify(Obligation o, String key, Set<String> recipients, String channels, String subject, String text, Instant now) {
        Set<String> wanted = new LinkedHashSet<>(Arrays.stream(channels == null ? new String[0] : channels.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
        for (String recipient : recipients) {
            for (String channel : wanted) {
                if (!preferences.wants(recipient, channel) || delivered(o.id(), key, channel, recipient)) {
                    continue;
                }
                String destination = switch (channel) {
                    case "EMAIL" -> directory.user(recipient).map(u -> u.getEmail()).orElse(null);
                    case "SMS" -> preferences.phone(recipient).orElse(null);
                    case "IN_APP" -> recipient;
                    default -> null;
                };
                if (destination == null || destination.isBlank()) {
                    continue;
                }
                boolean inApp = channel.equals("IN_APP");
                jdbc.sql("INSERT INTO reminder_delivery (id, obligation_id, reminder_key, channel, recipient, destination, subject, body, "
                                + "status, attempts, sent_at, created_at) VALUES (:id, :o, :k, :ch, :r, :d, :s, :b, :st, 0, :sent, :at)")
                        .param("id", UUID.randomUUID().toString()).param("o", o.id()).param("k", key).param("ch", channel)
                        .param("r", recipient).param("d", destination).param("s", subject).param("b", text)
                        .param("st", inApp ? "SENT" : "PENDING").param("sent", inApp ? time(now) : null).param("at", time(now)).update();
                if (inApp) {
                    notifications.send(Set.of(recipient), key.startsWith("D-") ? "OBLIGATION_DUE" : "OBLIGATION_OVERDUE", o.contractId(),
                            null, subject);
                }
            }
        }
    }

    private boolean delivered(String obligationId, String key, String channel, String recipient) {
        return jdbc.sql("SELECT COUNT(*) FROM reminder_delivery WHERE obligation_id = :o AND reminder_key = :k AND channel = :ch "
                        + "AND recipient = :r").param("o", obligationId).param("k", key).param("ch", channel).param("r", recipient)
                .query(Long.class).single() > 0;
    }

    private String text(Contract c, Obligation o, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, o.dueDate());
        BigDecimal open = o.amount() == null ? null : o.amount().subtract(o.settledAmount());
        String who = switch (o.party()) {
            case OURS -> "我方";
            case COUNTERPARTY -> "相对方 " + (c.counterpartyName() == null ? "" : c.counterpartyName());
            case BOTH -> "双方";
        };
        return "【电子合同】履约提醒：合同 " + c.contractNo() + "《" + c.title() + "》的义务「" + o.title() + "」（" + who + "）将于 "
                + o.dueDate() + " 到期" + (days > 0 ? "，还有 " + days + " 天" : "，即今日") + (open == null ? "" : "，未结金额 ¥" + open.toPlainString())
                + "。\n履约计划：" + properties.publicUrl() + "/contracts/" + c.id() + "/plan\n"
                + "Reminder: \"" + o.title() + "\" of contract " + c.contractNo() + " is due on " + o.dueDate() + ".";
    }

    private static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
