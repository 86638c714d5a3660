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
            + "counterparty_contact, amount, currency, body, status, created_by, created_at, updated_at, template_version_id, "
            + "effective_date, expiry_date, current_version, risk_flags";

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
                        + ":amount, :currency, :body, :status, :createdBy, :createdAt, :updatedAt, :tv, :eff, :exp, :cv, :risk)")
                .param("id", c.id()).param("no", c.contractNo()).param("title", c.title())
                .param("type", c.contractType()).param("dept", c.departmentId())
                .param("cpName", c.counterpartyName())
                .param("cpContact", seal(c.id(), "counterparty_contact", c.counterpartyContact()))
                .param("amount", c.amount()).param("currency", c.currency())
                .param("body", seal(c.id(), "body", c.body()))
                .param("status", c.status().name()).param("createdBy", c.createdBy())
                .param("createdAt", utc(c.createdAt())).param("updatedAt", utc(c.updatedAt()))
                .param("tv", c.templateVersionId()).param("eff", c.effectiveDate()).param("exp", c.expiryDate())
                .param("cv", c.currentVersion()).param("risk", String.join(",", c.riskFlags()))
                .update();
    }

    /** A new version became current; the first-class fields follow the content. Only drafts change. */
    boolean updateDraft(Contract c) {
        return jdbc.sql("UPDATE contract SET title = :title, counterparty_name = :cpName, amount = :amount, body = :body, "
                        + "effective_date = :eff, expiry_date = :exp, current_version = :cv, risk_flags = :risk, "
                        + "updated_at = :updatedAt WHERE id = :id AND status IN ('DRAFT', 'RETURNED') AND current_version = :base")
                .param("title", c.title()).param("cpName", c.counterpartyName()).param("amount", c.amount())
                .param("body", seal(c.id(), "body", c.body())).param("eff", c.effectiveDate()).param("exp", c.expiryDate())
                .param("cv", c.currentVersion()).param("risk", String.join(",", c.riskFlags()))
                .param("updatedAt", utc(c.updatedAt())).param("id", c.id()).param("base", c.currentVersion() - 1)
                .update() == 1;
    }

    /** Compare-and-set on the status, so two steps racing for one contract cannot both move it. */
    boolean updateStatus(String id, ContractStatus from, ContractStatus to, Instant at) {
        return jdbc.sql("UPDATE contract SET status = :to, updated_at = :at WHERE id = :id AND status = :from AND deleted_at IS NULL")
                .param("to", to.name()).param("at", utc(at)).param("id", id).param("from", from.name()).update() == 1;
    }

    /** Whether any other contract already names this counterparty: a new one is a risk flag. */
    boolean counterpartyKnown(String name, String exceptId) {
        return name != null && jdbc.sql("SELECT COUNT(*) FROM contract WHERE counterparty_name = :n AND id <> :id AND deleted_at IS NULL")
                .param("n", name).param("id", exceptId).query(Long.class).single() > 0;
    }

    /** The clear-text register fields only (no decryption): number, department, status, creator, version. */
    Optional<ContractService.Header> header(String id) {
        return jdbc.sql("SELECT id, contract_no, department_id, status, created_by, current_version FROM contract "
                        + "WHERE id = :id AND deleted_at IS NULL")
                .param("id", id).query((rs, n) -> new ContractService.Header(rs.getString("id"), rs.getString("contract_no"),
                        rs.getString("department_id"), ContractStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
                        rs.getInt("current_version")))
                .optional();
    }

    List<String> liveIds() {
        return jdbc.sql("SELECT id FROM contract WHERE deleted_at IS NULL ORDER BY created_at").query(String.class).list();
    }

    Optional<Contract> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contract WHERE id = :id AND deleted_at IS NULL")
                .param("id", id).query(this::map).optional();
    }

    /** Newest first; {@code departments} empty means no department restriction. */
    List<Contract> list(Optional<Set<String>> departments, ContractFilter filter, String userId, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE deleted_at IS NULL");
        if (departments.isPresent()) {
            if (departments.get().isEmpty()) {
                return List.of();
            }
            where.append(" AND department_id IN (:departments)");
            params.put("departments", departments.get());
        }
        if (filter.status() != null) {
            where.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.contractType() != null && !filter.contractType().isBlank()) {
            where.append(" AND contract_type = :type");
            params.put("type", filter.contractType());
        }
        if (Boolean.TRUE.equals(filter.mine())) {
            where.append(" AND created_by = :me");
            params.put("me", userId);
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" AND (LOWER(title) LIKE :q OR LOWER(contract_no) LIKE :q OR LOWER(counterparty_name) LIKE :q)");
            params.put("q", "%" + filter.q().strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
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
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("template_version_id"),
                rs.getObject("effective_date", java.time.LocalDate.class), rs.getObject("expiry_date", java.time.LocalDate.class),
                rs.getInt("current_version"), flags(rs.getString("risk_flags")));
    }

    private static List<String> flags(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.split(","));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
