package cn.econtract.app.contract;

import cn.econtract.app.crypto.DataKeyHolder;
import cn.econtract.app.crypto.EnvelopeCipher;
import cn.econtract.app.crypto.SealedValue;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract table. Body and counterparty contact are sealed per row; the associated data binds
 * each sealed value to its row and column, so a value copied elsewhere fails to open.
 */
@Repository
class ContractRepository implements DataKeyHolder {

    private static final String COLUMNS = "id, contract_no, title, contract_type, department_id, counterparty_name, "
            + "counterparty_contact, amount, currency, body, status, created_by, created_at, updated_at";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final EnvelopeCipher cipher;

    ContractRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, EnvelopeCipher cipher) {
        this.jdbc = jdbc;
        this.named = named;
        this.cipher = cipher;
    }

    void insert(Contract c) {
        jdbc.sql("INSERT INTO contract (" + COLUMNS + ") VALUES (:id, :no, :title, :type, :dept, :cpName, :cpContact, "
                        + ":amount, :currency, :body, :status, :createdBy, :createdAt, :updatedAt)")
                .param("id", c.id()).param("no", c.contractNo()).param("title", c.title())
                .param("type", c.contractType()).param("dept", c.departmentId())
                .param("cpName", c.counterpartyName())
                .param("cpContact", seal(c.id(), "counterparty_contact", c.counterpartyContact()))
                .param("amount", c.amount()).param("currency", c.currency())
                .param("body", seal(c.id(), "body", c.body()))
                .param("status", c.status().name()).param("createdBy", c.createdBy())
                .param("createdAt", utc(c.createdAt())).param("updatedAt", utc(c.updatedAt()))
                .update();
    }

    Optional<Contract> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contract WHERE id = :id AND deleted_at IS NULL")
                .param("id", id).query(this::map).optional();
    }

    /** Newest first; {@code departments} empty means no department restriction. */
    List<Contract> list(Optional<Set<String>> departments, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = " WHERE deleted_at IS NULL";
        if (departments.isPresent()) {
            if (departments.get().isEmpty()) {
                return List.of();
            }
            where += " AND department_id IN (:departments)";
            params.put("departments", departments.get());
        }
        params.put("limit", limit);
        params.put("offset", offset);
        return named.query("SELECT " + COLUMNS + " FROM contract" + where
                + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset", params, this::map);
    }

    void markDeleted(String id, Instant at) {
        jdbc.sql("UPDATE contract SET deleted_at = :at, updated_at = :at WHERE id = :id")
                .param("at", utc(at)).param("id", id).update();
    }

    @Override
    @Transactional
    public int rewrapAll(UnaryOperator<SealedValue> rewrap) {
        int changed = 0;
        List<String[]> rows = jdbc.sql("SELECT id, body, counterparty_contact FROM contract")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        for (String[] row : rows) {
            String body = rewrapped(row[1], rewrap);
            String contact = rewrapped(row[2], rewrap);
            if (!java.util.Objects.equals(body, row[1]) || !java.util.Objects.equals(contact, row[2])) {
                jdbc.sql("UPDATE contract SET body = :body, counterparty_contact = :contact WHERE id = :id")
                        .param("body", body).param("contact", contact).param("id", row[0]).update();
                changed++;
            }
        }
        return changed;
    }

    private static String rewrapped(String encoded, UnaryOperator<SealedValue> rewrap) {
        return encoded == null ? null : rewrap.apply(SealedValue.decode(encoded)).encode();
    }

    private String seal(String id, String column, String plaintext) {
        return plaintext == null ? null
                : cipher.seal(plaintext.getBytes(StandardCharsets.UTF_8), aad(id, column)).encode();
    }

    private String open(String id, String column, String encoded) {
        return encoded == null ? null
                : new String(cipher.open(SealedValue.decode(encoded), aad(id, column)), StandardCharsets.UTF_8);
    }

    private static byte[] aad(String id, String column) {
        return ("contract/" + id + "/" + column).getBytes(StandardCharsets.UTF_8);
    }

    private Contract map(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        return new Contract(id, rs.getString("contract_no"), rs.getString("title"), rs.getString("contract_type"),
                rs.getString("department_id"), rs.getString("counterparty_name"),
                open(id, "counterparty_contact", rs.getString("counterparty_contact")),
                rs.getBigDecimal("amount"), trim(rs.getString("currency")), open(id, "body", rs.getString("body")),
                ContractStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
