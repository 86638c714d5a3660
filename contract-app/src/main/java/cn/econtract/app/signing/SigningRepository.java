package cn.econtract.app.signing;

import cn.econtract.app.crypto.EnvelopeCipher;
import cn.econtract.app.crypto.SealedValue;
import cn.econtract.app.storage.Documents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plans, signers and signed revisions. A signer's contact (e-mail, phone, ID number) is sealed with
 * the envelope cipher and every signed PDF kept in the encrypted document store: no plaintext
 * contract or personal data at rest.
 */
@Repository
class SigningRepository {

    private final JdbcClient jdbc;
    private final EnvelopeCipher cipher;
    private final ObjectMapper json;
    private final Documents documents;

    SigningRepository(JdbcClient jdbc, EnvelopeCipher cipher, ObjectMapper json, Documents documents) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
        this.documents = documents;
    }

    // ---- plans ------------------------------------------------------------------------------

    int lastAttempt(String contractId) {
        return jdbc.sql("SELECT COALESCE(MAX(attempt), 0) FROM signing_plan WHERE contract_id = :c").param("c", contractId)
                .query(Integer.class).single();
    }

    void insert(SigningPlan p) {
        jdbc.sql("INSERT INTO signing_plan (id, contract_id, attempt, signing_order, factor_count, real_name, deadline, status, "
                        + "source_sha256, created_by, created_at) VALUES (:id, :c, :a, :o, :f, :r, :d, :s, :h, :by, :at)")
                .param("id", p.id()).param("c", p.contractId()).param("a", p.attempt()).param("o", p.order().name())
                .param("f", p.factorCount()).param("r", p.realName()).param("d", utc(p.deadline())).param("s", p.status().name())
                .param("h", p.sourceSha256()).param("by", p.createdBy()).param("at", utc(p.createdAt())).update();
    }

    /** The contract's latest attempt, locked: signers of one contract sign one after another, never over each other. */
    Optional<SigningPlan> latestPlanForUpdate(String contractId) {
        return jdbc.sql("SELECT * FROM signing_plan WHERE contract_id = :c AND attempt = "
                        + "(SELECT MAX(attempt) FROM signing_plan WHERE contract_id = :c) FOR UPDATE")
                .param("c", contractId).query(SigningRepository::plan).optional();
    }

    Optional<SigningPlan> latestPlan(String contractId) {
        List<SigningPlan> plans = plans(contractId);
        return plans.isEmpty() ? Optional.empty() : Optional.of(plans.get(plans.size() - 1));
    }

    /** Every attempt of the contract, first first. */
    List<SigningPlan> plans(String contractId) {
        return jdbc.sql("SELECT * FROM signing_plan WHERE contract_id = :c ORDER BY attempt").param("c", contractId)
                .query(SigningRepository::plan).list();
    }

    Optional<SigningPlan> plan(String planId) {
        return jdbc.sql("SELECT * FROM signing_plan WHERE id = :id").param("id", planId).query(SigningRepository::plan).optional();
    }

    void endPlan(String planId, SigningPlan.Status status, String reason, Instant at) {
        jdbc.sql("UPDATE signing_plan SET status = :s, end_reason = :r, ended_at = :at WHERE id = :id AND status = 'OPEN'")
                .param("s", status.name()).param("r", reason).param("at", utc(at)).param("id", planId).update();
    }

    private static SigningPlan plan(ResultSet rs, int n) throws SQLException {
        return new SigningPlan(rs.getString("id"), rs.getString("contract_id"), rs.getInt("attempt"),
                SigningPlan.SigningOrder.valueOf(rs.getString("signing_order")), rs.getInt("factor_count"),
                rs.getBoolean("real_name"), instant(rs, "deadline"), SigningPlan.Status.valueOf(rs.getString("status")),
                rs.getString("source_sha256"), rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "ended_at"),
                rs.getString("end_reason"));
    }

    // ---- signers ----------------------------------------------------------------------------

    void insert(Signer s, String tokenMac) {
        jdbc.sql("INSERT INTO signer (id, plan_id, position, party, appearance, display_name, organisation, user_id, contact, "
                        + "token_mac, status) VALUES (:id, :p, :pos, :party, :ap, :name, :org, :user, :contact, :token, :status)")
                .param("id", s.id()).param("p", s.planId()).param("pos", s.position()).param("party", s.party().name())
                .param("ap", s.appearance().name()).param("name", s.displayName()).param("org", s.organisation())
                .param("user", s.userId()).param("contact", sealContact(s)).param("token", tokenMac)
                .param("status", s.status().name()).update();
    }

    List<Signer> signers(String planId) {
        return jdbc.sql("SELECT * FROM signer WHERE plan_id = :p ORDER BY position").param("p", planId).query(this::mapSigner).list();
    }

    Optional<Signer> signer(String id) {
        return jdbc.sql("SELECT * FROM signer WHERE id = :id").param("id", id).query(this::mapSigner).optional();
    }

    Optional<Signer> signerByTask(String taskId) {
        return jdbc.sql("SELECT * FROM signer WHERE task_id = :t").param("t", taskId).query(this::mapSigner).optional();
    }

    Optional<Signer> signerByToken(String tokenMac) {
        return jdbc.sql("SELECT * FROM signer WHERE token_mac = :t").param("t", tokenMac).query(this::mapSigner).optional();
    }

    void updateToken(String signerId, String tokenMac) {
        jdbc.sql("UPDATE signer SET token_mac = :t WHERE id = :id").param("t", tokenMac).param("id", signerId).update();
    }

    void taskOpened(String signerId, String taskId) {
        jdbc.sql("UPDATE signer SET task_id = :t WHERE id = :id").param("t", taskId).param("id", signerId).update();
    }

    void signed(String signerId, Instant at, String by, String methods, String ip, String serial, String field, int revision) {
        jdbc.sql("UPDATE signer SET status = 'SIGNED', signed_at = :at, signed_by = :by, auth_methods = :m, client_ip = :ip, "
                        + "certificate_serial = :serial, signature_field = :field, revision = :rev WHERE id = :id AND status = 'WAITING'")
                .param("at", utc(at)).param("by", by).param("m", methods).param("ip", ip).param("serial", serial)
                .param("field", field).param("rev", revision).param("id", signerId).update();
    }

    void refused(String signerId, Instant at, String by, String reason, String ip) {
        jdbc.sql("UPDATE signer SET status = 'REFUSED', signed_at = :at, signed_by = :by, refusal_reason = :r, client_ip = :ip "
                        + "WHERE id = :id AND status = 'WAITING'")
                .param("at", utc(at)).param("by", by).param("r", reason).param("ip", ip).param("id", signerId).update();
    }

    private Signer mapSigner(ResultSet rs, int n) throws SQLException {
        String id = rs.getString("id");
        Map<String, String> contact = openContact(id, rs.getString("contact"));
        Object revision = rs.getObject("revision");
        return new Signer(id, rs.getString("plan_id"), rs.getInt("position"), Signer.Party.valueOf(rs.getString("party")),
                Signer.Appearance.valueOf(rs.getString("appearance")), rs.getString("display_name"), rs.getString("organisation"),
                rs.getString("user_id"), contact.get("email"), contact.get("phone"), contact.get("idNumber"),
                Signer.Status.valueOf(rs.getString("status")), rs.getString("task_id"), instant(rs, "signed_at"),
                rs.getString("signed_by"), rs.getString("auth_methods"), rs.getString("client_ip"),
                rs.getString("certificate_serial"), rs.getString("signature_field"),
                revision == null ? null : ((Number) revision).intValue(), rs.getString("refusal_reason"));
    }

    private String sealContact(Signer s) {
        Map<String, String> contact = new LinkedHashMap<>();
        contact.put("email", s.email());
        contact.put("phone", s.phone());
        contact.put("idNumber", s.idNumber());
        try {
            return cipher.seal(json.writeValueAsBytes(contact), aad("signer", s.id())).encode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> openContact(String id, String sealed) {
        try {
            return json.readValue(cipher.open(SealedValue.decode(sealed), aad("signer", id)), Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- signed revisions -------------------------------------------------------------------

    /** A signed (or source) revision of the contract PDF. */
    record Revision(String contractId, int revision, String planId, String kind, String sha256, Instant createdAt) {
    }

    /** A revision: its bytes go to the document store (encrypted, by SHA-256), the row says what it is. */
    void insertRevision(String contractId, int revision, String planId, String kind, byte[] pdf, Instant at) {
        String address = documents.put(pdf);
        jdbc.sql("INSERT INTO signed_document (contract_id, revision, plan_id, kind, sha256, created_at) "
                        + "VALUES (:c, :r, :p, :k, :h, :at)")
                .param("c", contractId).param("r", revision).param("p", planId).param("k", kind).param("h", address)
                .param("at", utc(at)).update();
    }

    Optional<Revision> latestRevision(String contractId) {
        return jdbc.sql("SELECT contract_id, revision, plan_id, kind, sha256, created_at FROM signed_document WHERE contract_id = :c "
                        + "ORDER BY revision DESC").param("c", contractId).query(SigningRepository::revision).list().stream().findFirst();
    }

    List<Revision> revisionsWithHash(String sha256) {
        return jdbc.sql("SELECT contract_id, revision, plan_id, kind, sha256, created_at FROM signed_document WHERE sha256 = :h")
                .param("h", sha256).query(SigningRepository::revision).list();
    }

    byte[] content(String contractId, int revision) {
        String address = jdbc.sql("SELECT sha256 FROM signed_document WHERE contract_id = :c AND revision = :r")
                .param("c", contractId).param("r", revision).query(String.class).single();
        return documents.get(address);
    }

    private static Revision revision(ResultSet rs, int n) throws SQLException {
        return new Revision(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, "created_at"));
    }

    // ---- helpers ----------------------------------------------------------------------------

    static byte[] aad(String what, String id) {
        return (what + ":" + id).getBytes(StandardCharsets.UTF_8);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
