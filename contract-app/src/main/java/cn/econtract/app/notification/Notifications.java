package cn.econtract.app.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads the in-app inbox. A notification belongs to its recipient only. */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final Clock clock;

    public Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void send(Collection<String> recipients, String kind, String contractId, String taskId, String title) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        for (String recipient : recipients) {
            jdbc.sql("INSERT INTO notification (id, recipient, kind, contract_id, task_id, title, created_at) "
                            + "VALUES (:id, :r, :k, :c, :t, :title, :at)")
                    .param("id", UUID.randomUUID().toString()).param("r", recipient).param("k", kind).param("c", contractId)
                    .param("t", taskId).param("title", title).param("at", now).update();
        }
    }

    public List<Notification> of(String recipient, boolean unreadOnly, int max) {
        return jdbc.sql("SELECT id, recipient, kind, contract_id, task_id, title, created_at, read_at FROM notification "
                        + "WHERE recipient = :r" + (unreadOnly ? " AND read_at IS NULL" : "") + " ORDER BY created_at DESC")
                .param("r", recipient).query((rs, i) -> new Notification(rs.getString("id"), rs.getString("recipient"),
                        rs.getString("kind"), rs.getString("contract_id"), rs.getString("task_id"), rs.getString("title"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("read_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("read_at", OffsetDateTime.class).toInstant()))
                .list().stream().limit(max).toList();
    }

    public long unread(String recipient) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient = :r AND read_at IS NULL")
                .param("r", recipient).query(Long.class).single();
    }

    /** Marks one of the recipient's notifications read; someone else's id changes nothing. */
    @Transactional
    public boolean markRead(String recipient, String id) {
        return jdbc.sql("UPDATE notification SET read_at = :at WHERE id = :id AND recipient = :r AND read_at IS NULL")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("id", id).param("r", recipient).update() == 1;
    }
}
