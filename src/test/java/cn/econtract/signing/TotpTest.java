package cn.econtract.signing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.signing.Totp;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Authenticator-app codes against the RFC 6238 appendix B vectors (SHA-1). */
class TotpTest {

    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theRfc6238VectorsComeOut() throws Exception {
        Method code = Totp.class.getDeclaredMethod("code", byte[].class, long.class, int.class);
        code.setAccessible(true);
        assertThat(code.invoke(null, SECRET, 59L / 30, 8)).isEqualTo("94287082");
        assertThat(code.invoke(null, SECRET, 1111111109L / 30, 8)).isEqualTo("07081804");
        assertThat(code.invoke(null, SECRET, 1234567890L / 30, 8)).isEqualTo("89005924");
        assertThat(code.invoke(null, SECRET, 2000000000L / 30, 8)).isEqualTo("69279037");
    }

    @Test
    void aCodeIsAcceptedOnceWithinOneStepOfDriftAndNeverAgain() {
        Instant at = Instant.ofEpochSecond(1234567890L);
        long step = Totp.verify(SECRET, "005924", at, -1);
        assertThat(step).isEqualTo(1234567890L / 30);
        assertThat(Totp.verify(SECRET, "005924", at.plusSeconds(30), -1)).as("the next step still accepts it").isEqualTo(step);
        assertThat(Totp.verify(SECRET, "005924", at, step)).as("used").isEqualTo(-1);
        assertThat(Totp.verify(SECRET, "005924", at.plusSeconds(120), -1)).as("too late").isEqualTo(-1);
        assertThat(Totp.verify(SECRET, "12345", at, -1)).isEqualTo(-1);
        assertThat(Totp.verify(SECRET, null, at, -1)).isEqualTo(-1);
    }
}
