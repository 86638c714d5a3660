package cn.econtract.app.signing;

import cn.econtract.app.crypto.EnvelopeCipher;
import cn.econtract.app.crypto.SealedValue;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authenticator-app enrolment: a 160-bit secret (sealed at rest) shown once as an otpauth:// URI
 * for the app to scan, active after the first correct code; every later code works once.
 */
@Service
public class TotpEnrolments {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ISSUER = "econtract";

    private final JdbcClient jdbc;
    private final EnvelopeCipher cipher;
    private final Clock clock;

    TotpEnrolments(JdbcClient jdbc, EnvelopeCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** What the user's app needs, shown once. */
    public record Enrolment(String secret, String uri) {
    }

    /** A new secret (replaces an unconfirmed or earlier one). */
    @Transactional
    public Enrolment enrol(String userId) {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        jdbc.sql("DELETE FROM totp_enrolment WHERE user_id = :u").param("u", userId).update();
        jdbc.sql("INSERT INTO totp_enrolment (user_id, secret, confirmed, last_step, created_at) VALUES (:u, :s, FALSE, 0, :at)")
                .param("u", userId).param("s", cipher.seal(secret, aad(userId)).encode())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        String base32 = base32(secret);
        String uri = "otpauth://totp/" + ISSUER + ":" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "?secret=" + base32
                + "&issuer=" + ISSUER + "&algorithm=SHA1&digits=6&period=" + Totp.STEP_SECONDS;
        return new Enrolment(base32, uri);
    }

    /** The first correct code activates the enrolment. */
    @Transactional
    public void confirm(String userId, String code) {
        if (!accept(userId, code, true)) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.totp.wrongCode");
        }
        jdbc.sql("UPDATE totp_enrolment SET confirmed = TRUE WHERE user_id = :u").param("u", userId).update();
    }

    public boolean enrolled(String userId) {
        return jdbc.sql("SELECT confirmed FROM totp_enrolment WHERE user_id = :u").param("u", userId).query(Boolean.class)
                .optional().orElse(false);
    }

    /** Checks a code of a confirmed enrolment; a code is accepted once. */
    @Transactional
    public boolean verify(String userId, String code) {
        return enrolled(userId) && accept(userId, code, false);
    }

    private boolean accept(String userId, String code, boolean unconfirmed) {
        Optional<Object[]> row = jdbc.sql("SELECT secret, last_step FROM totp_enrolment WHERE user_id = :u FOR UPDATE")
                .param("u", userId).query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).optional();
        if (row.isEmpty()) {
            if (unconfirmed) {
                throw BusinessException.notFound("totp", userId);
            }
            return false;
        }
        byte[] secret = cipher.open(SealedValue.decode((String) row.get()[0]), aad(userId));
        long step = Totp.verify(secret, code, clock.instant(), (Long) row.get()[1]);
        if (step < 0) {
            return false;
        }
        jdbc.sql("UPDATE totp_enrolment SET last_step = :s WHERE user_id = :u").param("s", step).param("u", userId).update();
        return true;
    }

    private static byte[] aad(String userId) {
        return ("totp:" + userId).getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 4648 base32 without padding, as authenticator apps expect. */
    static String base32(byte[] data) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
