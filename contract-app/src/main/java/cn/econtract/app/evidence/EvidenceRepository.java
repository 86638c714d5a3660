package cn.econtract.app.evidence;

import cn.econtract.app.kernel.ContractEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EvidenceRepository {

    private static final String ENTRY = "seq, event_type, contract_id, actor, occurred_at, version_no, document_hash, "
            + "detail, prev_hash, entry_hash";
    private static final String BATCH = "batch_no, first_seq, last_seq, merkle_root, sealed_at, timestamp_token, "
            + "timestamped_at, ledger, anchor_receipt, anchored_at";

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Head(long lastSeq, String lastHash) {
    }

    Head lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash FROM evidence_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    Head head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM evidence_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    void insert(EvidenceEntry e) {
        jdbc.sql("INSERT INTO evidence_entry (" + ENTRY + ") VALUES (:seq, :type, :contract, :actor, :at, :version, "
                        + ":document, :detail, :prev, :hash)")
                .param("seq", e.seq()).param("type", e.type().name()).param("contract", e.contractId())
                .param("actor", e.actor()).param("at", utc(e.occurredAt())).param("version", e.version())
                .param("document", e.documentHash()).param("detail", e.detail()).param("prev", e.prevHash())
                .param("hash", e.entryHash()).update();
        jdbc.sql("UPDATE evidence_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", e.seq()).param("hash", e.entryHash()).update();
    }

    List<EvidenceEntry> ofContract(String contractId) {
        return jdbc.sql("SELECT " + ENTRY + " FROM evidence_entry WHERE contract_id = :id ORDER BY seq")
                .param("id", contractId).query(EvidenceRepository::entry).list();
    }

    Optional<EvidenceEntry> entry(long seq) {
        return jdbc.sql("SELECT " + ENTRY + " FROM evidence_entry WHERE seq = :seq")
                .param("seq", seq).query(EvidenceRepository::entry).optional();
    }

    List<EvidenceEntry> range(long fromSeq, long toSeq) {
        return jdbc.sql("SELECT " + ENTRY + " FROM evidence_entry WHERE seq BETWEEN :from AND :to ORDER BY seq")
                .param("from", fromSeq).param("to", toSeq).query(EvidenceRepository::entry).list();
    }

    /** Streams every entry in sequence order (the verify walk), without holding them all. */
    void forEachInOrder(Consumer<EvidenceEntry> action) {
        jdbc.sql("SELECT " + ENTRY + " FROM evidence_entry ORDER BY seq").query(rs -> {
            action.accept(entry(rs, 0));
        });
    }

    /** Committed entries not yet in a batch: the first one's time and how many there are. */
    record Pending(long firstSeq, long lastSeq, Instant oldest) {
        long count() {
            return lastSeq - firstSeq + 1;
        }
    }

    /**
     * Key look-ups only (a backlog of a million entries must not mean a scan per batch): the last
     * sealed entry from the batches' index, the newest from the head row, the oldest waiting one's
     * time from its primary key (sequence order is commit order, so it is the oldest).
     */
    Optional<Pending> pending() {
        long sealedThrough = jdbc.sql("SELECT last_seq FROM evidence_batch WHERE batch_no = (SELECT MAX(batch_no) FROM evidence_batch)")
                .query(Long.class).optional().orElse(0L);
        long last = head().lastSeq();
        if (last <= sealedThrough) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT occurred_at FROM evidence_entry WHERE seq = :seq").param("seq", sealedThrough + 1)
                .query((rs, n) -> new Pending(sealedThrough + 1, last, rs.getObject(1, OffsetDateTime.class).toInstant()))
                .optional();
    }

    long lastBatchNo() {
        return jdbc.sql("SELECT COALESCE(MAX(batch_no), 0) FROM evidence_batch").query(Long.class).single();
    }

    void insertBatch(EvidenceBatch b) {
        jdbc.sql("INSERT INTO evidence_batch (batch_no, first_seq, last_seq, merkle_root, sealed_at) "
                        + "VALUES (:no, :first, :last, :root, :at)")
                .param("no", b.batchNo()).param("first", b.firstSeq()).param("last", b.lastSeq())
                .param("root", b.merkleRoot()).param("at", utc(b.sealedAt())).update();
    }

    Optional<EvidenceBatch> batch(long batchNo) {
        return jdbc.sql("SELECT " + BATCH + " FROM evidence_batch WHERE batch_no = :no")
                .param("no", batchNo).query(EvidenceRepository::batch).optional();
    }

    Optional<EvidenceBatch> batchOf(long seq) {
        return jdbc.sql("SELECT " + BATCH + " FROM evidence_batch WHERE first_seq = "
                        + "(SELECT MAX(first_seq) FROM evidence_batch WHERE first_seq <= :seq) AND last_seq >= :seq")
                .param("seq", seq).query(EvidenceRepository::batch).optional();
    }

    List<EvidenceBatch> batches() {
        return jdbc.sql("SELECT " + BATCH + " FROM evidence_batch ORDER BY batch_no").query(EvidenceRepository::batch).list();
    }

    List<EvidenceBatch> batchesOf(String contractId) {
        return jdbc.sql("SELECT DISTINCT " + qualified() + " FROM evidence_batch b JOIN evidence_entry e "
                        + "ON e.seq BETWEEN b.first_seq AND b.last_seq WHERE e.contract_id = :id ORDER BY b.batch_no")
                .param("id", contractId).query(EvidenceRepository::batch).list();
    }

    boolean saveTimestamp(long batchNo, String token, Instant at) {
        return jdbc.sql("UPDATE evidence_batch SET timestamp_token = :token, timestamped_at = :at "
                        + "WHERE batch_no = :no AND timestamp_token IS NULL")
                .param("token", token).param("at", utc(at)).param("no", batchNo).update() == 1;
    }

    boolean saveAnchor(long batchNo, String ledger, String receipt, Instant at) {
        return jdbc.sql("UPDATE evidence_batch SET ledger = :ledger, anchor_receipt = :receipt, anchored_at = :at "
                        + "WHERE batch_no = :no AND anchor_receipt IS NULL")
                .param("ledger", ledger).param("receipt", receipt).param("at", utc(at)).param("no", batchNo).update() == 1;
    }

    private static String qualified() {
        return String.join(", ", java.util.Arrays.stream(BATCH.split(", ")).map(c -> "b." + c).toList());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static EvidenceEntry entry(ResultSet rs, int row) throws SQLException {
        return new EvidenceEntry(rs.getLong("seq"), ContractEvent.Type.valueOf(rs.getString("event_type")),
                rs.getString("contract_id"), rs.getString("actor"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("version_no", Integer.class), rs.getString("document_hash"), rs.getString("detail"),
                rs.getString("prev_hash"), rs.getString("entry_hash"));
    }

    private static EvidenceBatch batch(ResultSet rs, int row) throws SQLException {
        OffsetDateTime stamped = rs.getObject("timestamped_at", OffsetDateTime.class);
        OffsetDateTime anchored = rs.getObject("anchored_at", OffsetDateTime.class);
        return new EvidenceBatch(rs.getLong("batch_no"), rs.getLong("first_seq"), rs.getLong("last_seq"),
                rs.getString("merkle_root"), rs.getObject("sealed_at", OffsetDateTime.class).toInstant(),
                rs.getString("timestamp_token"), stamped == null ? null : stamped.toInstant(), rs.getString("ledger"),
                rs.getString("anchor_receipt"), anchored == null ? null : anchored.toInstant());
    }
}
