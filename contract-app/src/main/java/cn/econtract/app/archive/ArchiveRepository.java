package cn.econtract.app.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The archive register, its loans and its destruction reviews. */
@Repository
class ArchiveRepository {

    private static final String RECORD = "SELECT archive_no, contract_id, contract_no, title, contract_type, department_id, counterparty, "
            + "category, category_name, archive_year, retention, retention_ends, copy_sha256, package_sha256, signed_revision, status, "
            + "archived_at, archived_by, destroyed_at FROM archive_record";
    private static final String BORROWING = "SELECT id, archive_no, borrower, purpose, days, status, requested_at, decided_by, "
            + "decided_at, opinion, ends_at, closed_at FROM archive_borrowing";

    private final JdbcClient jdbc;

    ArchiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ArchiveRecord r) {
        jdbc.sql("INSERT INTO archive_record (archive_no, contract_id, contract_no, title, contract_type, department_id, counterparty, "
                        + "category, category_name, archive_year, retention, retention_ends, copy_sha256, package_sha256, signed_revision, "
                        + "status, archived_at, archived_by) VALUES (:no, :cid, :cno, :title, :type, :dept, :cp, :cat, :catName, :year, "
                        + ":ret, :ends, :copy, :pkg, :rev, :status, :at, :by)")
                .param("no", r.archiveNo()).param("cid", r.contractId()).param("cno", r.contractNo()).param("title", r.title())
                .param("type", r.contractType()).param("dept", r.departmentId()).param("cp", r.counterparty())
                .param("cat", r.category()).param("catName", r.categoryName()).param("year", r.year()).param("ret", r.retention())
                .param("ends", r.retentionEnds()).param("copy", r.copySha256()).param("pkg", r.packageSha256())
                .param("rev", r.signedRevision()).param("status", r.status().name()).param("at", time(r.archivedAt()))
                .param("by", r.archivedBy()).update();
    }

    Optional<ArchiveRecord> find(String archiveNo) {
        return jdbc.sql(RECORD + " WHERE archive_no = :no").param("no", archiveNo).query(ArchiveRepository::record).optional();
    }

    Optional<ArchiveRecord> ofContract(String contractId) {
        return jdbc.sql(RECORD + " WHERE contract_id = :c").param("c", contractId).query(ArchiveRepository::record).optional();
    }

    /** A page of the register, newest first; {@code departments} empty: every department. */
    List<ArchiveRecord> browse(Optional<Set<String>> departments, ArchiveFilter filter, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(departments, filter, params);
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql(RECORD + where + " ORDER BY archived_at DESC, archive_no DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .params(params).query(ArchiveRepository::record).list();
    }

    long count(Optional<Set<String>> departments, ArchiveFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM archive_record" + where(departments, filter, params)).params(params)
                .query(Long.class).single();
    }

    /** How many reachable items each value of {@code column} has (category, archive_year or department_id). */
    Map<String, Long> facet(Optional<Set<String>> departments, String column) {
        if (!List.of("category", "archive_year", "department_id").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT " + column + ", COUNT(*) FROM archive_record" + where(departments, new ArchiveFilter(null, null, null, null), params)
                        + " GROUP BY " + column + " ORDER BY " + column)
                .params(params).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private static String where(Optional<Set<String>> departments, ArchiveFilter f, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        departments.ifPresent(d -> {
            if (d.isEmpty()) {
                clauses.add("1 = 0");
            } else {
                clauses.add("department_id IN (:departments)");
                params.put("departments", d);
            }
        });
        if (f.category() != null) {
            clauses.add("category = :category");
            params.put("category", f.category());
        }
        if (f.year() != null) {
            clauses.add("archive_year = :year");
            params.put("year", f.year());
        }
        if (f.departmentId() != null) {
            clauses.add("department_id = :department");
            params.put("department", f.departmentId());
        }
        if (f.text() != null) {
            clauses.add("(archive_no LIKE :text OR contract_no LIKE :text OR title LIKE :text)");
            params.put("text", "%" + f.text().replace("%", "").replace("_", "") + "%");
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    boolean markDestroyed(String archiveNo, Instant at) {
        return jdbc.sql("UPDATE archive_record SET status = 'DESTROYED', destroyed_at = :at WHERE archive_no = :no AND status = 'KEPT'")
                .param("at", time(at)).param("no", archiveNo).update() == 1;
    }

    void extend(String archiveNo, LocalDate ends) {
        jdbc.sql("UPDATE archive_record SET retention_ends = :ends WHERE archive_no = :no AND status = 'KEPT'")
                .param("ends", ends).param("no", archiveNo).update();
    }

    void appraise(String archiveNo, String taskId, String step, String decision, String actor, String opinion, Instant at) {
        jdbc.sql("INSERT INTO archive_appraisal (archive_no, task_id, step, decision, actor, opinion, decided_at) "
                        + "VALUES (:no, :task, :step, :decision, :actor, :opinion, :at)")
                .param("no", archiveNo).param("task", taskId).param("step", step).param("decision", decision).param("actor", actor)
                .param("opinion", opinion).param("at", time(at)).update();
    }

    List<Map<String, Object>> appraisals(String archiveNo) {
        return jdbc.sql("SELECT step, decision, actor, opinion, decided_at FROM archive_appraisal WHERE archive_no = :no ORDER BY decided_at")
                .param("no", archiveNo).query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("step", rs.getString(1));
                    row.put("decision", rs.getString(2));
                    row.put("actor", rs.getString(3));
                    row.put("opinion", rs.getString(4));
                    row.put("decidedAt", instant(rs, 5));
                    return row;
                }).list();
    }

    // ---- loans ---------------------------------------------------------------------------------

    void insert(ArchiveBorrowing b) {
        jdbc.sql("INSERT INTO archive_borrowing (id, archive_no, borrower, purpose, days, status, requested_at) "
                        + "VALUES (:id, :no, :who, :purpose, :days, :status, :at)")
                .param("id", b.id()).param("no", b.archiveNo()).param("who", b.borrower()).param("purpose", b.purpose())
                .param("days", b.days()).param("status", b.status().name()).param("at", time(b.requestedAt())).update();
    }

    Optional<ArchiveBorrowing> borrowing(String id) {
        return jdbc.sql(BORROWING + " WHERE id = :id").param("id", id).query(ArchiveRepository::borrowing).optional();
    }

    List<ArchiveBorrowing> borrowingsOf(String borrower) {
        return jdbc.sql(BORROWING + " WHERE borrower = :who ORDER BY requested_at DESC").param("who", borrower)
                .query(ArchiveRepository::borrowing).list();
    }

    List<ArchiveBorrowing> borrowingsOfArchive(String archiveNo) {
        return jdbc.sql(BORROWING + " WHERE archive_no = :no ORDER BY requested_at DESC").param("no", archiveNo)
                .query(ArchiveRepository::borrowing).list();
    }

    void decide(String id, String by, Instant at, String opinion) {
        jdbc.sql("UPDATE archive_borrowing SET decided_by = :by, decided_at = :at, opinion = :opinion WHERE id = :id AND status = 'REQUESTED'")
                .param("by", by).param("at", time(at)).param("opinion", opinion).param("id", id).update();
    }

    boolean lend(String id, Instant endsAt) {
        return jdbc.sql("UPDATE archive_borrowing SET status = 'LENT', ends_at = :ends WHERE id = :id AND status = 'REQUESTED'")
                .param("ends", time(endsAt)).param("id", id).update() == 1;
    }

    boolean refuse(String id, Instant at) {
        return jdbc.sql("UPDATE archive_borrowing SET status = 'REFUSED', closed_at = :at WHERE id = :id AND status = 'REQUESTED'")
                .param("at", time(at)).param("id", id).update() == 1;
    }

    boolean close(String id, Instant at) {
        return jdbc.sql("UPDATE archive_borrowing SET status = 'CLOSED', closed_at = :at WHERE id = :id AND status = 'LENT'")
                .param("at", time(at)).param("id", id).update() == 1;
    }

    private static ArchiveRecord record(ResultSet rs, int n) throws SQLException {
        java.sql.Date ends = rs.getDate("retention_ends");
        Integer revision = rs.getObject("signed_revision", Integer.class);
        return new ArchiveRecord(rs.getString("archive_no"), rs.getString("contract_id"), rs.getString("contract_no"), rs.getString("title"),
                rs.getString("contract_type"), rs.getString("department_id"), rs.getString("counterparty"), rs.getString("category"),
                rs.getString("category_name"), rs.getInt("archive_year"), rs.getString("retention"), ends == null ? null : ends.toLocalDate(),
                rs.getString("copy_sha256"), rs.getString("package_sha256"), revision,
                ArchiveRecord.Status.valueOf(rs.getString("status")), instant(rs, "archived_at"), rs.getString("archived_by"),
                instant(rs, "destroyed_at"));
    }

    private static ArchiveBorrowing borrowing(ResultSet rs, int n) throws SQLException {
        return new ArchiveBorrowing(rs.getString("id"), rs.getString("archive_no"), rs.getString("borrower"), rs.getString("purpose"),
                rs.getInt("days"), ArchiveBorrowing.Status.valueOf(rs.getString("status")), instant(rs, "requested_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("opinion"), instant(rs, "ends_at"),
                instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
