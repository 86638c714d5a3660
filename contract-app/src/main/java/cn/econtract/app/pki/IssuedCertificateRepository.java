package cn.econtract.app.pki;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IssuedCertificateRepository {

    private static final String COLUMNS = "serial, holder_type, holder_id, subject, key_alias, not_before, not_after, "
            + "certificate, issued_by, revoked_at, revocation_reason";

    private final JdbcClient jdbc;

    IssuedCertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(IssuedCertificate c) {
        try {
            jdbc.sql("INSERT INTO issued_certificate (" + COLUMNS + ") VALUES (:serial, :type, :holder, :subject, :alias, "
                            + ":from, :to, :der, :by, NULL, NULL)")
                    .param("serial", c.serial()).param("type", c.holderType().name()).param("holder", c.holderId())
                    .param("subject", c.subject()).param("alias", c.keyAlias()).param("from", utc(c.notBefore()))
                    .param("to", utc(c.notAfter())).param("der", Base64.getEncoder().encodeToString(c.certificate().getEncoded()))
                    .param("by", c.issuedBy()).update();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<IssuedCertificate> find(String serial) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issued_certificate WHERE serial = :serial").param("serial", serial)
                .query(IssuedCertificateRepository::map).optional();
    }

    /** The newest certificate of a holder that is neither revoked nor past {@code at}. */
    Optional<IssuedCertificate> current(HolderType type, String holderId, Instant at) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issued_certificate WHERE holder_type = :type AND holder_id = :holder "
                        + "AND revoked_at IS NULL AND not_after > :at ORDER BY not_before DESC")
                .param("type", type.name()).param("holder", holderId).param("at", utc(at))
                .query(IssuedCertificateRepository::map).list().stream().findFirst();
    }

    List<IssuedCertificate> revoked() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issued_certificate WHERE revoked_at IS NOT NULL ORDER BY revoked_at")
                .query(IssuedCertificateRepository::map).list();
    }

    List<IssuedCertificate> all(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issued_certificate ORDER BY not_before DESC OFFSET :offset ROWS "
                        + "FETCH NEXT :limit ROWS ONLY").param("offset", offset).param("limit", limit)
                .query(IssuedCertificateRepository::map).list();
    }

    boolean revoke(String serial, Instant at, String reason) {
        return jdbc.sql("UPDATE issued_certificate SET revoked_at = :at, revocation_reason = :reason "
                        + "WHERE serial = :serial AND revoked_at IS NULL")
                .param("at", utc(at)).param("reason", reason).param("serial", serial).update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static IssuedCertificate map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        try {
            X509Certificate certificate = cn.econtract.app.crypto.Certificates.parse(Base64.getDecoder().decode(rs.getString("certificate")));
            return new IssuedCertificate(rs.getString("serial"), HolderType.valueOf(rs.getString("holder_type")),
                    rs.getString("holder_id"), rs.getString("subject"), rs.getString("key_alias"),
                    rs.getObject("not_before", OffsetDateTime.class).toInstant(),
                    rs.getObject("not_after", OffsetDateTime.class).toInstant(), certificate, rs.getString("issued_by"),
                    revoked == null ? null : revoked.toInstant(), rs.getString("revocation_reason"));
        } catch (CertificateException e) {
            throw new SQLException("stored certificate unreadable", e);
        }
    }
}
