package cn.econtract.app.seal;

import cn.econtract.app.crypto.EnvelopeCipher;
import cn.econtract.app.crypto.SealedValue;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signer's handwritten signature as drawn on the pad (PNG), sealed at rest. Kept per owner — a
 * user id, or {@code signer:<id>} for a counterparty's signer — so the next signature can reuse it.
 */
@Service
public class Handwritings {

    private final JdbcClient jdbc;
    private final EnvelopeCipher cipher;
    private final Clock clock;

    Handwritings(JdbcClient jdbc, EnvelopeCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    public void store(String owner, byte[] png) {
        if (!PngImages.hasInk(PngImages.checked(png))) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.image.blank");
        }
        String sealed = cipher.seal(png, aad(owner)).encode();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE handwriting SET image = :i, updated_at = :at WHERE owner = :o")
                .param("i", sealed).param("at", now).param("o", owner).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO handwriting (owner, image, updated_at) VALUES (:o, :i, :at)")
                    .param("o", owner).param("i", sealed).param("at", now).update();
        }
    }

    public Optional<byte[]> of(String owner) {
        return jdbc.sql("SELECT image FROM handwriting WHERE owner = :o").param("o", owner).query(String.class).optional()
                .map(s -> cipher.open(SealedValue.decode(s), aad(owner)));
    }

    private static byte[] aad(String owner) {
        return ("handwriting:" + owner).getBytes(StandardCharsets.UTF_8);
    }
}
