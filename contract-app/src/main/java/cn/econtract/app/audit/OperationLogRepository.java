package cn.econtract.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The operation_log table. It offers no update path; the only delete is the retention purge,
 * which on PostgreSQL must also get past the table's append-only trigger.
 */
@Repository
class OperationLogRepository {

    private static final String COLUMNS = "seq, occurred_at, actor, action, resource_type, resource_id, outcome, "
            + "client_ip, user_agent, detail, prev_hash, entry_hash";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final boolean postgres;

    OperationLogRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
        this.postgres = Boolean.TRUE.equals(named.getJdbcTemplate().execute(
                (java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
    }

    /** Locks the chain head for the rest of the transaction: appends are serialised, also across nodes. */
    Head lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash FROM operation_log_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    /** Appends entries that continue the chain in order, then moves the head to the last one. */
    void insert(List<OperationEntry> entries) {
        SqlParameterSource[] rows = entries.stream().map(e -> new MapSqlParameterSource()
                .addValue("seq", e.seq())
                .addValue("at", OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))
                .addValue("actor", e.actor())
                .addValue("action", e.action().name())
                .addValue("rtype", e.resourceType())
                .addValue("rid", e.resourceId())
                .addValue("outcome", e.outcome().name())
                .addValue("ip", e.clientIp())
                .addValue("ua", e.userAgent())
                .addValue("detail", e.detail())
                .addValue("prev", e.prevHash())
                .addValue("hash", e.entryHash())).toArray(SqlParameterSource[]::new);
        named.batchUpdate("INSERT INTO operation_log (" + COLUMNS + ") VALUES (:seq, :at, :actor, :action, :rtype, :rid, "
                + ":outcome, :ip, :ua, :detail, :prev, :hash)", rows);
        OperationEntry last = entries.get(entries.size() - 1);
        jdbc.sql("UPDATE operation_log_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", last.seq()).param("hash", last.entryHash()).update();
    }

    /** Streams every entry in chain order, a page at a time, so verification runs in flat memory. */
    void forEachInOrder(Consumer<OperationEntry> consumer) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<OperationEntry> page = jdbc.sql("SELECT " + COLUMNS + " FROM operation_log WHERE seq > :after "
                            + "ORDER BY seq LIMIT 1000")
                    .param("after", after).query(OperationLogRepository::map).list();
            page.forEach(consumer);
            if (page.size() < 1000) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    List<OperationEntry> find(OperationQuery q, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, params);
        params.put("offset", offset);
        params.put("limit", limit);
        return named.query("SELECT " + COLUMNS + " FROM operation_log" + where
                + " ORDER BY seq DESC LIMIT :limit OFFSET :offset", params, OperationLogRepository::map);
    }

    long count(OperationQuery q) {
        Map<String, Object> params = new HashMap<>();
        String where = where(q, params);
        Long n = named.queryForObject("SELECT COUNT(*) FROM operation_log" + where, params, Long.class);
        return n == null ? 0 : n;
    }

    Optional<Anchor> anchor() {
        return jdbc.sql("SELECT purged_through_seq, purged_through_hash FROM operation_log_anchor WHERE id = 1")
                .query((rs, n) -> new Anchor(rs.getLong(1), rs.getString(2))).optional();
    }

    /** Last entry older than the cut-off, if any: the purge removes it and everything before it. */
    Optional<OperationEntry> lastBefore(Instant cutOff) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM operation_log WHERE occurred_at < :cut ORDER BY seq DESC LIMIT 1")
                .param("cut", OffsetDateTime.ofInstant(cutOff, ZoneOffset.UTC))
                .query(OperationLogRepository::map).optional();
    }

    int purgeThrough(OperationEntry last) {
        if (postgres) {
            // opens the append-only trigger for this transaction only
            jdbc.sql("SELECT set_config('econtract.oplog_purge', 'on', true)").query().singleValue();
        }
        int removed = jdbc.sql("DELETE FROM operation_log WHERE seq <= :seq").param("seq", last.seq()).update();
        int updated = jdbc.sql("UPDATE operation_log_anchor SET purged_through_seq = :seq, purged_through_hash = :hash "
                        + "WHERE id = 1").param("seq", last.seq()).param("hash", last.entryHash()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO operation_log_anchor (id, purged_through_seq, purged_through_hash) VALUES (1, :seq, :hash)")
                    .param("seq", last.seq()).param("hash", last.entryHash()).update();
        }
        return removed;
    }

    private static String where(OperationQuery q, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (q.actor() != null) {
            conditions.add("actor = :actor");
            params.put("actor", q.actor());
        }
        if (q.action() != null) {
            conditions.add("action = :action");
            params.put("action", q.action().name());
        }
        if (q.resourceType() != null) {
            conditions.add("resource_type = :rtype");
            params.put("rtype", q.resourceType());
        }
        if (q.resourceId() != null) {
            conditions.add("resource_id = :rid");
            params.put("rid", q.resourceId());
        }
        if (q.outcome() != null) {
            conditions.add("outcome = :outcome");
            params.put("outcome", q.outcome().name());
        }
        if (q.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static OperationEntry map(ResultSet rs, int row) throws SQLException {
        return new OperationEntry(rs.getLong("seq"), instant(rs), rs.getString("actor"),
                OperationAction.valueOf(rs.getString("action")), rs.getString("resource_type"),
                rs.getString("resource_id"), Outcome.valueOf(rs.getString("outcome")), rs.getString("client_ip"),
                rs.getString("user_agent"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("entry_hash"));
    }

    private static Instant instant(ResultSet rs) throws SQLException {
        OffsetDateTime odt = rs.getObject("occurred_at", OffsetDateTime.class);
        if (odt != null) {
            return odt.toInstant();
        }
        Timestamp ts = rs.getTimestamp("occurred_at");
        return ts.toInstant();
    }

    record Head(long lastSeq, String lastHash) {
    }

    record Anchor(long purgedThroughSeq, String purgedThroughHash) {
    }
}
