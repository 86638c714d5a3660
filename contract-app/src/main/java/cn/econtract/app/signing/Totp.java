package cn.econtract.app.signing;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticator-app codes (RFC 6238 TOTP over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, 6 digits —
 * what every authenticator app uses. A code from the step before or after is accepted for clock
 * drift; the caller keeps the last accepted step so a code works once.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;

    private Totp() {
    }

    /** The step a code was accepted for, or -1. {@code notAfterStep}: steps up to here were used already. */
    public static long verify(byte[] secret, String code, Instant now, long notAfterStep) {
        if (code == null || !code.matches("\\d{6}")) {
            return -1;
        }
        long current = now.getEpochSecond() / STEP_SECONDS;
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > notAfterStep && MessageDigest.isEqual(code(secret, step, 6).getBytes(), code.getBytes())) {
                return step;
            }
        }
        return -1;
    }

    /** The code for one 30-second step (what an authenticator app shows then). */
    public static String code(byte[] secret, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%0" + digits + "d", binary % (int) Math.pow(10, digits));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
