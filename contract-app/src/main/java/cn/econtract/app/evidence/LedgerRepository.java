package cn.econtract.app.evidence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LedgerRepository {

    private static final String COLUMNS = "height, batch_no, first_seq, last_seq, merkle_root, recorded_at, prev_hash, block_hash, signature";

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One block; {@code recordedAt} is kept as the exact ISO text that was hashed. */
    record Block(long height, long batchNo, long firstSeq, long lastSeq, String merkleRoot, String recordedAt, String prevHash,
                 String blockHash, String signature) {

        BatchHeader header() {
            return new BatchHeader(batchNo, firstSeq, lastSeq, merkleRoot);
        }
    }

    /**
     * The newest block, locked so the next height is ours; the genesis stand-in when empty (then the
     * unique height of the first insert decides between two workers).
     */
    Block lockLast() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger_block WHERE height = (SELECT MAX(height) FROM ledger_block) FOR UPDATE")
                .query(LedgerRepository::block).optional()
                .orElse(new Block(0, 0, 0, 0, null, null, EvidenceHashing.GENESIS, EvidenceHashing.GENESIS, null));
    }

    void insert(Block b) {
        jdbc.sql("INSERT INTO ledger_block (" + COLUMNS + ") VALUES (:height, :batch, :first, :last, :root, :at, :prev, :hash, :sig)")
                .param("height", b.height()).param("batch", b.batchNo()).param("first", b.firstSeq()).param("last", b.lastSeq())
                .param("root", b.merkleRoot())
                .param("at", OffsetDateTime.ofInstant(Instant.parse(b.recordedAt()), ZoneOffset.UTC))
                .param("prev", b.prevHash()).param("hash", b.blockHash()).param("sig", b.signature()).update();
    }

    Optional<Block> ofBatch(long batchNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger_block WHERE batch_no = :no")
                .param("no", batchNo).query(LedgerRepository::block).optional();
    }

    List<Block> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger_block ORDER BY height").query(LedgerRepository::block).list();
    }

    private static Block block(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Block(rs.getLong("height"), rs.getLong("batch_no"), rs.getLong("first_seq"), rs.getLong("last_seq"),
                rs.getString("merkle_root"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant().toString(), rs.getString("prev_hash"),
                rs.getString("block_hash"), rs.getString("signature"));
    }
}
