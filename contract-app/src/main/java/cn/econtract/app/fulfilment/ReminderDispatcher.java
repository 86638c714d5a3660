package cn.econtract.app.fulfilment;

import cn.econtract.app.notification.MessageGateway;
import cn.econtract.app.notification.TextMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued e-mail and SMS reminders. A delivery is claimed with a conditional update before it
 * is sent, so two nodes never send the same one; a claim older than the lease (a node that died
 * mid-send) is taken over, which can repeat that one message — at-least-once at the SMTP or SMS
 * border, never a second reminder of the same key otherwise. Five failed attempts mark it FAILED.
 */
@Component
public class ReminderDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ReminderDispatcher.class);
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final MessageGateway gateway;
    private final Clock clock;

    ReminderDispatcher(JdbcClient jdbc, MessageGateway gateway, Clock clock) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${econtract.fulfilment.dispatch-interval:PT10S}", initialDelayString = "PT15S")
    void scheduled() {
        dispatch();
    }

    /** Sends what is due to be sent; answers how many went out. */
    public int dispatch() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var due = jdbc.sql("SELECT id, channel, destination, subject, body FROM reminder_delivery WHERE status = 'PENDING' "
                        + "OR (status = 'CLAIMED' AND claimed_at < :lease) ORDER BY created_at FETCH FIRST 100 ROWS ONLY")
                .param("lease", now.minus(LEASE))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)}).list();
        int sent = 0;
        for (String[] d : due) {
            int claimed = jdbc.sql("UPDATE reminder_delivery SET status = 'CLAIMED', claimed_at = :now, attempts = attempts + 1 "
                            + "WHERE id = :id AND (status = 'PENDING' OR (status = 'CLAIMED' AND claimed_at < :lease))")
                    .param("now", now).param("id", d[0]).param("lease", now.minus(LEASE)).update();
            if (claimed == 0) {
                continue;  // another node took it
            }
            try {
                gateway.send(new TextMessage(TextMessage.Channel.valueOf(d[1]), d[2], d[3], d[4]));
                jdbc.sql("UPDATE reminder_delivery SET status = 'SENT', sent_at = :now WHERE id = :id").param("now", now).param("id", d[0]).update();
                sent++;
            } catch (RuntimeException e) {
                log.warn("Reminder {} by {} not delivered: {}", d[0], d[1], e.getMessage());
                jdbc.sql("UPDATE reminder_delivery SET status = CASE WHEN attempts >= :max THEN 'FAILED' ELSE 'PENDING' END WHERE id = :id")
                        .param("max", MAX_ATTEMPTS).param("id", d[0]).update();
            }
        }
        return sent;
    }
}
