package cn.econtract.app.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rounds and the append-only trail. Steps are never updated or deleted. */
@Repository
class ApprovalRepository {

    private static final String ROUND_COLUMNS = "contract_id, round_no, process_instance_id, contract_version, content_hash, "
            + "submitted_by, submitted_at, route, outcome, ended_at";
    private static final String STEP_COLUMNS = "contract_id, round_no, level_no, level_name, approval_mode, task_id, task_name, "
            + "action, actor, target_user, opinion, contract_version, task_created_at, occurred_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ApprovalRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insertRound(ApprovalRound r) {
        jdbc.sql("INSERT INTO approval_round (" + ROUND_COLUMNS + ") VALUES (:c, :r, :pi, :v, :h, :by, :at, NULL, :o, NULL)")
                .param("c", r.contractId()).param("r", r.round()).param("pi", r.processInstanceId())
                .param("v", r.contractVersion()).param("h", r.contentHash()).param("by", r.submittedBy())
                .param("at", utc(r.submittedAt())).param("o", r.outcome()).update();
    }

    void planRoute(String contractId, int round, String processInstanceId, List<ApprovalLevel> route) {
        jdbc.sql("UPDATE approval_round SET route = :route, process_instance_id = :pi WHERE contract_id = :c AND round_no = :r")
                .param("route", write(route)).param("pi", processInstanceId).param("c", contractId).param("r", round).update();
    }

    /** Ends a running round; false if it had already ended (a second conclusion changes nothing). */
    boolean endRound(String contractId, int round, String outcome, Instant at) {
        return jdbc.sql("UPDATE approval_round SET outcome = :o, ended_at = :at WHERE contract_id = :c AND round_no = :r "
                        + "AND outcome = 'PENDING'")
                .param("o", outcome).param("at", utc(at)).param("c", contractId).param("r", round).update() == 1;
    }

    Optional<ApprovalRound> round(String contractId, int round) {
        return jdbc.sql("SELECT " + ROUND_COLUMNS + " FROM approval_round WHERE contract_id = :c AND round_no = :r")
                .param("c", contractId).param("r", round).query(this::mapRound).optional();
    }

    List<ApprovalRound> rounds(String contractId) {
        return jdbc.sql("SELECT " + ROUND_COLUMNS + " FROM approval_round WHERE contract_id = :c ORDER BY round_no")
                .param("c", contractId).query(this::mapRound).list();
    }

    int lastRoundNo(String contractId) {
        return jdbc.sql("SELECT COALESCE(MAX(round_no), 0) FROM approval_round WHERE contract_id = :c")
                .param("c", contractId).query(Integer.class).single();
    }

    /** Appends a step; a decision also claims its task id, so a task is decided at most once. */
    void append(ApprovalStep s, boolean decision) {
        jdbc.sql("INSERT INTO approval_step (id, " + STEP_COLUMNS + ", decided_task_id) VALUES (:id, :c, :r, :l, :ln, :m, :t, "
                        + ":tn, :a, :actor, :target, :op, :v, :tc, :at, :decided)")
                .param("id", UUID.randomUUID().toString()).param("c", s.contractId()).param("r", s.round())
                .param("l", s.level()).param("ln", s.levelName()).param("m", s.mode()).param("t", s.taskId())
                .param("tn", s.taskName()).param("a", s.action().name()).param("actor", s.actor())
                .param("target", s.targetUser()).param("op", s.opinion()).param("v", s.contractVersion())
                .param("tc", s.taskCreatedAt() == null ? null : utc(s.taskCreatedAt())).param("at", utc(s.occurredAt()))
                .param("decided", decision ? s.taskId() : null).update();
    }

    List<ApprovalStep> steps(String contractId) {
        return jdbc.sql("SELECT " + STEP_COLUMNS + " FROM approval_step WHERE contract_id = :c ORDER BY round_no, seq")
                .param("c", contractId).query(this::mapStep).list();
    }

    private ApprovalRound mapRound(ResultSet rs, int row) throws SQLException {
        return new ApprovalRound(rs.getString("contract_id"), rs.getInt("round_no"), rs.getString("process_instance_id"),
                rs.getInt("contract_version"), rs.getString("content_hash").strip(), rs.getString("submitted_by"),
                instant(rs, "submitted_at"), read(rs.getString("route")), rs.getString("outcome"), instant(rs, "ended_at"));
    }

    private ApprovalStep mapStep(ResultSet rs, int row) throws SQLException {
        int level = rs.getInt("level_no");
        return new ApprovalStep(rs.getString("contract_id"), rs.getInt("round_no"), rs.wasNull() ? null : level,
                rs.getString("level_name"), rs.getString("approval_mode"), rs.getString("task_id"), rs.getString("task_name"),
                StepAction.valueOf(rs.getString("action")), rs.getString("actor"), rs.getString("target_user"),
                rs.getString("opinion"), rs.getInt("contract_version"), instant(rs, "task_created_at"), instant(rs, "occurred_at"));
    }

    private String write(List<ApprovalLevel> route) {
        try {
            return json.writeValueAsString(route);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ApprovalLevel> read(String route) {
        if (route == null) {
            return List.of();
        }
        try {
            return json.readValue(route, new TypeReference<List<ApprovalLevel>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable approval route", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

}
