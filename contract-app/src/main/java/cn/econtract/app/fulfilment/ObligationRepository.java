package cn.econtract.app.fulfilment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Obligations, their progress and the anchor dates of each contract. */
@Repository
class ObligationRepository {

    private static final String COLUMNS = "SELECT id, contract_id, kind, title, party, amount, due_term, due_date, source, source_text, "
            + "responsible, status, settled_amount, created_at, confirmed_by, confirmed_at, settled_at FROM obligation";

    private final JdbcClient jdbc;

    ObligationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Obligation o) {
        jdbc.sql("INSERT INTO obligation (id, contract_id, kind, title, party, amount, due_term, due_date, source, source_text, responsible, "
                        + "status, settled_amount, created_at) VALUES (:id, :c, :kind, :title, :party, :amount, :term, :due, :source, :text, "
                        + ":resp, :status, :settled, :at)")
                .param("id", o.id()).param("c", o.contractId()).param("kind", o.kind().name()).param("title", o.title())
                .param("party", o.party().name()).param("amount", o.amount()).param("term", o.dueTerm()).param("due", o.dueDate())
                .param("source", o.source().name()).param("text", o.sourceText()).param("resp", o.responsible())
                .param("status", o.status().name()).param("settled", o.settledAmount()).param("at", time(o.createdAt())).update();
    }

    Optional<Obligation> find(String id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id").param("id", id).query(ObligationRepository::map).optional();
    }

    List<Obligation> ofContract(String contractId) {
        return jdbc.sql(COLUMNS + " WHERE contract_id = :c ORDER BY CASE WHEN due_date IS NULL THEN 1 ELSE 0 END, due_date, created_at, id")
                .param("c", contractId).query(ObligationRepository::map).list();
    }

    /** Obligations of the given statuses due up to {@code until} (null: any date), for the dashboard. */
    List<Obligation> due(List<String> statuses, LocalDate until) {
        return jdbc.sql(COLUMNS + " WHERE status IN (:s)" + (until == null ? "" : " AND due_date <= :until") + " ORDER BY due_date")
                .param("s", statuses).param("until", until).query(ObligationRepository::map).list();
    }

    void update(Obligation o) {
        jdbc.sql("UPDATE obligation SET kind = :kind, title = :title, party = :party, amount = :amount, due_term = :term, due_date = :due, "
                        + "responsible = :resp, status = :status, settled_amount = :settled, confirmed_by = :cby, confirmed_at = :cat, "
                        + "settled_at = :sat WHERE id = :id")
                .param("kind", o.kind().name()).param("title", o.title()).param("party", o.party().name()).param("amount", o.amount())
                .param("term", o.dueTerm()).param("due", o.dueDate()).param("resp", o.responsible()).param("status", o.status().name())
                .param("settled", o.settledAmount()).param("cby", o.confirmedBy()).param("cat", time(o.confirmedAt()))
                .param("sat", time(o.settledAt())).param("id", o.id()).update();
    }

    void progress(String id, String obligationId, BigDecimal amount, String note, String proofName, String proofSha256, String by,
                  Instant at) {
        jdbc.sql("INSERT INTO obligation_progress (id, obligation_id, amount, note, proof_name, proof_sha256, recorded_by, recorded_at) "
                        + "VALUES (:id, :o, :amount, :note, :pname, :psha, :by, :at)")
                .param("id", id).param("o", obligationId).param("amount", amount).param("note", note).param("pname", proofName)
                .param("psha", proofSha256).param("by", by).param("at", time(at)).update();
    }

    List<Map<String, Object>> progressOf(String obligationId) {
        return jdbc.sql("SELECT amount, note, proof_name, proof_sha256, recorded_by, recorded_at FROM obligation_progress "
                        + "WHERE obligation_id = :o ORDER BY recorded_at").param("o", obligationId)
                .query((rs, n) -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("amount", rs.getBigDecimal(1));
                    row.put("note", rs.getString(2));
                    row.put("proofName", rs.getString(3));
                    row.put("proofSha256", rs.getString(4));
                    row.put("recordedBy", rs.getString(5));
                    row.put("recordedAt", rs.getObject(6, OffsetDateTime.class).toInstant());
                    return row;
                }).list();
    }

    /** The keys of the reminders already given for the obligation (on any channel). */
    java.util.Set<String> reminded(String obligationId) {
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT reminder_key FROM reminder_delivery WHERE obligation_id = :o")
                .param("o", obligationId).query(String.class).list());
    }

    Map<Anchor, LocalDate> anchors(String contractId) {
        Map<Anchor, LocalDate> anchors = new EnumMap<>(Anchor.class);
        jdbc.sql("SELECT anchor, anchor_date FROM contract_anchor WHERE contract_id = :c").param("c", contractId)
                .query((rs, n) -> anchors.put(Anchor.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class))).list();
        return anchors;
    }

    void putAnchor(String contractId, Anchor anchor, LocalDate date, String by, Instant at) {
        int updated = jdbc.sql("UPDATE contract_anchor SET anchor_date = :d, recorded_by = :by, recorded_at = :at "
                        + "WHERE contract_id = :c AND anchor = :a")
                .param("d", date).param("by", by).param("at", time(at)).param("c", contractId).param("a", anchor.name()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO contract_anchor (contract_id, anchor, anchor_date, recorded_by, recorded_at) VALUES (:c, :a, :d, :by, :at)")
                    .param("c", contractId).param("a", anchor.name()).param("d", date).param("by", by).param("at", time(at)).update();
        }
    }

    private static Obligation map(ResultSet rs, int n) throws SQLException {
        return new Obligation(rs.getString("id"), rs.getString("contract_id"), ObligationKind.valueOf(rs.getString("kind")),
                rs.getString("title"), Obligation.Party.valueOf(rs.getString("party")), rs.getBigDecimal("amount"), rs.getString("due_term"),
                rs.getObject("due_date", LocalDate.class), Obligation.Source.valueOf(rs.getString("source")), rs.getString("source_text"),
                rs.getString("responsible"), Obligation.Status.valueOf(rs.getString("status")), rs.getBigDecimal("settled_amount"),
                instant(rs, "created_at"), rs.getString("confirmed_by"), instant(rs, "confirmed_at"), instant(rs, "settled_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
