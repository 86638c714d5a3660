package cn.econtract.timestamp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.timestamp.TimeStampAuthority;
import cn.econtract.app.timestamp.TimeStampTokens;
import cn.econtract.app.kernel.Sha256;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

/**
 * What every time-stamping adapter must do, run against each one: the built-in authority in
 * process, and the HTTP adapter talking RFC 3161 over HTTP to a real authority (ours at /tsa).
 */
abstract class TimeStampAuthorityContract {

    abstract TimeStampAuthority authority();

    private static byte[] digest(String text) {
        return HexFormat.of().parseHex(Sha256.hex(text));
    }

    @Test
    void aTokenStampsExactlyTheDigestAtAboutNowAndVerifiesFromItsOwnBytes() throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        byte[] token = authority().stamp(digest("批次根 batch root 1"));
        TimeStampTokens.Check check = TimeStampTokens.verify(token, digest("批次根 batch root 1"));

        assertThat(check.valid()).as(check.problem()).isTrue();
        assertThat(check.time()).isBetween(before, Instant.now().plus(Duration.ofSeconds(2)));
        assertThat(check.tsaCertificate().getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_timeStamping.getId());
        assertThat(check.tsaCertificate().getCriticalExtensionOIDs()).contains("2.5.29.37");
    }

    @Test
    void aTokenDoesNotVerifyForAnyOtherDigestOrWhenItsBytesChange() {
        byte[] token = authority().stamp(digest("root A"));
        assertThat(TimeStampTokens.verify(token, digest("root B")).valid()).isFalse();
        assertThat(TimeStampTokens.verify(token, digest("root B")).problem()).contains("not");

        byte[] flipped = token.clone();
        flipped[flipped.length - 10] ^= 0x01;  // inside the signature value
        assertThat(TimeStampTokens.verify(flipped, digest("root A")).valid()).isFalse();
        assertThat(TimeStampTokens.verify(new byte[] {1, 2, 3}, digest("root A")).problem()).contains("not an RFC 3161");
    }

    @Test
    void everyTokenHasItsOwnSerialNumber() {
        String a = TimeStampTokens.verify(authority().stamp(digest("x")), digest("x")).serial();
        String b = TimeStampTokens.verify(authority().stamp(digest("x")), digest("x")).serial();
        assertThat(a).isNotEqualTo(b);
    }
}
