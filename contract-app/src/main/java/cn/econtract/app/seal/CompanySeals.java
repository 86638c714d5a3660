package cn.econtract.app.seal;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.crypto.EnvelopeCipher;
import cn.econtract.app.crypto.SealedValue;
import cn.econtract.app.document.FontLibrary;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seal registry: one active seal per organisation and type, generated in the customary look
 * or uploaded as a PNG; retiring a seal keeps it for old signatures' records. Registering is an
 * administrator's act; using a seal is the signing desk's, for the custodians only.
 */
@Service
public class CompanySeals {

    public static final String CONTRACT_SEAL = "合同专用章";
    private static final Pattern SEAL_NO = Pattern.compile("[0-9A-Za-z-]{0,32}");

    private final JdbcClient jdbc;
    private final EnvelopeCipher cipher;
    private final FontLibrary fonts;
    private final OperationLogService log;
    private final Clock clock;

    CompanySeals(JdbcClient jdbc, EnvelopeCipher cipher, FontLibrary fonts, OperationLogService log, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.fonts = fonts;
        this.log = log;
        this.clock = clock;
    }

    /** Draws and registers a seal (the previous one of that organisation and type is retired). */
    @Transactional
    public CompanySeal generate(String organisation, String sealType, String sealNo, String actor) {
        checkNames(organisation, sealType, sealNo);
        byte[] png = SealImage.draw(organisation.strip(), sealType.strip(), sealNo, fonts::awtSans);
        return register(organisation.strip(), sealType.strip(), sealNo, "GENERATED", png, actor);
    }

    /** Registers an uploaded seal image (PNG with a transparent background). */
    @Transactional
    public CompanySeal upload(String organisation, String sealType, String sealNo, byte[] png, String actor) {
        checkNames(organisation, sealType, sealNo);
        if (!PngImages.hasInk(PngImages.checked(png))) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.image.blank");
        }
        return register(organisation.strip(), sealType.strip(), sealNo, "UPLOADED", png, actor);
    }

    private CompanySeal register(String organisation, String sealType, String sealNo, String source, byte[] png, String actor) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("UPDATE company_seal SET retired_at = :at WHERE organisation = :o AND seal_type = :t AND retired_at IS NULL")
                .param("at", now).param("o", organisation).param("t", sealType).update();
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO company_seal (id, organisation, seal_no, seal_type, source, image, created_by, created_at) "
                        + "VALUES (:id, :o, :no, :t, :src, :img, :by, :at)")
                .param("id", id).param("o", organisation).param("no", sealNo == null ? "" : sealNo).param("t", sealType)
                .param("src", source).param("img", cipher.seal(png, aad(id)).encode()).param("by", actor).param("at", now).update();
        log.record(OperationRecord.success(actor, OperationAction.CREATE, "seal", id).withDetail(organisation + " " + sealType + " " + source));
        return find(id).orElseThrow();
    }

    /** The organisation's active seal of the type; a contract seal is drawn on first use if none was registered. */
    @Transactional
    public CompanySeal activeSeal(String organisation, String actor) {
        return jdbc.sql("SELECT * FROM company_seal WHERE organisation = :o AND seal_type = :t AND retired_at IS NULL")
                .param("o", organisation).param("t", CONTRACT_SEAL).query(CompanySeals::seal).optional()
                .orElseGet(() -> generate(organisation, CONTRACT_SEAL, "", actor));
    }

    public List<CompanySeal> active() {
        return jdbc.sql("SELECT * FROM company_seal WHERE retired_at IS NULL ORDER BY organisation, seal_type")
                .query(CompanySeals::seal).list();
    }

    public Optional<CompanySeal> find(String id) {
        return jdbc.sql("SELECT * FROM company_seal WHERE id = :id").param("id", id).query(CompanySeals::seal).optional();
    }

    public byte[] image(String id) {
        String sealed = jdbc.sql("SELECT image FROM company_seal WHERE id = :id").param("id", id).query(String.class).optional()
                .orElseThrow(() -> BusinessException.notFound("seal", id));
        return cipher.open(SealedValue.decode(sealed), aad(id));
    }

    private static void checkNames(String organisation, String sealType, String sealNo) {
        if (organisation == null || organisation.isBlank() || organisation.strip().length() > 40) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.seal.organisation");
        }
        if (sealType == null || sealType.isBlank() || sealType.strip().length() > 8) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.seal.type");
        }
        if (sealNo != null && !SEAL_NO.matcher(sealNo).matches()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.seal.number");
        }
    }

    private static byte[] aad(String id) {
        return ("company-seal:" + id).getBytes(StandardCharsets.UTF_8);
    }

    private static CompanySeal seal(ResultSet rs, int n) throws SQLException {
        return new CompanySeal(rs.getString("id"), rs.getString("organisation"), rs.getString("seal_no"), rs.getString("seal_type"),
                rs.getString("source"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
