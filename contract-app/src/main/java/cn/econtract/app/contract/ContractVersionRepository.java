package cn.econtract.app.contract;

import cn.econtract.app.crypto.DataKeyHolder;
import cn.econtract.app.crypto.EnvelopeCipher;
import cn.econtract.app.crypto.SealedValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Contract versions, content sealed per row and bound to contract and version number. */
@Repository
class ContractVersionRepository implements DataKeyHolder {

    private static final String COLUMNS = "contract_id, version_no, content, content_hash, source, created_by, created_at";

    private final JdbcClient jdbc;
    private final EnvelopeCipher cipher;
    private final ObjectMapper json;

    ContractVersionRepository(JdbcClient jdbc, EnvelopeCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    void insert(ContractVersion v) {
        jdbc.sql("INSERT INTO contract_version (" + COLUMNS + ") VALUES (:id, :no, :content, :hash, :source, :by, :at)")
                .param("id", v.contractId()).param("no", v.version())
                .param("content", cipher.seal(canonical(v.content()).getBytes(StandardCharsets.UTF_8), aad(v.contractId(), v.version())).encode())
                .param("hash", v.contentHash()).param("source", v.source().name()).param("by", v.createdBy())
                .param("at", OffsetDateTime.ofInstant(v.createdAt(), ZoneOffset.UTC)).update();
    }

    Optional<ContractVersion> find(String contractId, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contract_version WHERE contract_id = :id AND version_no = :no")
                .param("id", contractId).param("no", version).query(this::map).optional();
    }

    String contentHash(String contractId, int version) {
        return jdbc.sql("SELECT content_hash FROM contract_version WHERE contract_id = :id AND version_no = :no")
                .param("id", contractId).param("no", version).query(String.class).optional().orElse(null);
    }

    /** Versions without their content, newest first. */
    List<ContractVersionLine> lines(String contractId) {
        return jdbc.sql("SELECT version_no, content_hash, source, created_by, created_at FROM contract_version "
                        + "WHERE contract_id = :id ORDER BY version_no DESC")
                .param("id", contractId)
                .query((rs, n) -> new ContractVersionLine(rs.getInt(1), rs.getString(2), ContractVersion.VersionSource.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The canonical JSON the content hash is computed over. */
    String canonical(ContractContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contract content not serialisable", e);
        }
    }

    @Override
    @Transactional
    public int rewrapAll(UnaryOperator<SealedValue> rewrap) {
        List<Object[]> rows = jdbc.sql("SELECT contract_id, version_no, content FROM contract_version")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)}).list();
        int changed = 0;
        for (Object[] row : rows) {
            String after = rewrap.apply(SealedValue.decode((String) row[2])).encode();
            if (!after.equals(row[2])) {
                jdbc.sql("UPDATE contract_version SET content = :c WHERE contract_id = :id AND version_no = :no")
                        .param("c", after).param("id", row[0]).param("no", row[1]).update();
                changed++;
            }
        }
        return changed;
    }

    private ContractVersion map(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("contract_id");
        int no = rs.getInt("version_no");
        byte[] plain = cipher.open(SealedValue.decode(rs.getString("content")), aad(id, no));
        try {
            return new ContractVersion(id, no, json.readValue(plain, ContractContent.class), rs.getString("content_hash"),
                    ContractVersion.VersionSource.valueOf(rs.getString("source")), rs.getString("created_by"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored contract version unreadable", e);
        }
    }

    private static byte[] aad(String contractId, int version) {
        return ("contract/" + contractId + "/version/" + version).getBytes(StandardCharsets.UTF_8);
    }
}
