package cn.econtract.app.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The message sink of the embedded default and the demo: messages are stored instead of sent, and
 * administrators read them ({@code GET /api/v1/notifications/outbox}) so a scripted client can
 * complete a signing. Production sets an SMS provider ({@code econtract.notification.sms.gateway=http}).
 */
public class Outbox implements MessageGateway {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void send(TextMessage message) {
        jdbc.sql("INSERT INTO message_outbox (id, channel, destination, body, created_at) VALUES (:id, :channel, :to, :body, :at)")
                .param("id", UUID.randomUUID().toString()).param("channel", message.channel().name())
                .param("to", message.destination()).param("body", message.body())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }

    /** One stored message. */
    public record Sent(String channel, String destination, String body, Instant createdAt) {
    }

    public List<Sent> latest(String destination, int max) {
        String where = destination == null ? "" : " WHERE destination = :to";
        var query = jdbc.sql("SELECT channel, destination, body, created_at FROM message_outbox" + where
                + " ORDER BY created_at DESC FETCH FIRST " + Math.max(1, Math.min(max, 200)) + " ROWS ONLY");
        if (destination != null) {
            query = query.param("to", destination);
        }
        return query.query((rs, n) -> new Sent(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant())).list();
    }
}
