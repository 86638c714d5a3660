package cn.econtract.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.crypto.CryptoProperties;
import cn.econtract.app.crypto.EnvelopeCipher;
import cn.econtract.app.crypto.Pkcs12KeyProvider;
import cn.econtract.app.crypto.SealedValue;
import cn.econtract.app.crypto.TamperedDataException;
import cn.econtract.app.crypto.WrappedDataKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeCipherTest {

    private static final byte[] AAD = "contract/42/body".getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "甲方：上海东方精密机械有限公司，合同总价人民币贰拾伍万捌仟元整";

    @TempDir
    Path dir;
    private Pkcs12KeyProvider keys;
    private EnvelopeCipher cipher;

    @BeforeEach
    void setUp() {
        keys = new Pkcs12KeyProvider(new CryptoProperties(dir.resolve("kek.p12"), "test-password", false));
        cipher = new EnvelopeCipher(keys);
    }

    @Test
    void sealedValueOpensAndHoldsNoPlaintext() {
        SealedValue sealed = cipher.seal(SECRET.getBytes(StandardCharsets.UTF_8), AAD);

        assertThat(sealed.encode()).doesNotContain("上海").doesNotContain("贰拾伍万");
        assertThat(new String(cipher.open(SealedValue.decode(sealed.encode()), AAD), StandardCharsets.UTF_8)).isEqualTo(SECRET);
    }

    @Test
    void everyValueGetsItsOwnDataKey() {
        SealedValue a = cipher.seal(SECRET.getBytes(StandardCharsets.UTF_8), AAD);
        SealedValue b = cipher.seal(SECRET.getBytes(StandardCharsets.UTF_8), AAD);

        assertThat(a.wrappedKey()).isNotEqualTo(b.wrappedKey());
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
    }

    @Test
    void flippedCiphertextBitFailsLoudly() {
        SealedValue sealed = cipher.seal(SECRET.getBytes(StandardCharsets.UTF_8), AAD);
        byte[] changed = sealed.ciphertext().clone();
        changed[3] ^= 0x01;

        assertThatThrownBy(() -> cipher.open(new SealedValue(sealed.kekId(), sealed.wrappedKey(), sealed.iv(), changed), AAD))
                .isInstanceOf(TamperedDataException.class);
    }

    @Test
    void valueMovedToAnotherRowDoesNotOpen() {
        SealedValue sealed = cipher.seal(SECRET.getBytes(StandardCharsets.UTF_8), AAD);

        assertThatThrownBy(() -> cipher.open(sealed, "contract/43/body".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TamperedDataException.class);
    }

    @Test
    void changedWrappedKeyFailsLoudly() {
        SealedValue sealed = cipher.seal(SECRET.getBytes(StandardCharsets.UTF_8), AAD);
        byte[] wrapped = sealed.wrappedKey().clone();
        wrapped[0] ^= 0x01;

        assertThatThrownBy(() -> cipher.open(sealed.withKey(sealed.kekId(), wrapped), AAD))
                .isInstanceOf(TamperedDataException.class);
    }

    @Test
    void rotationRewrapsTheKeyAndLeavesTheCiphertextAlone() {
        SealedValue before = cipher.seal(SECRET.getBytes(StandardCharsets.UTF_8), AAD);
        String newKek = keys.rotate();

        SealedValue after = cipher.rewrap(before);

        assertThat(after.kekId()).isEqualTo(newKek).isNotEqualTo(before.kekId());
        assertThat(after.ciphertext()).isEqualTo(before.ciphertext());
        assertThat(after.iv()).isEqualTo(before.iv());
        assertThat(after.wrappedKey()).isNotEqualTo(before.wrappedKey());
        assertThat(new String(cipher.open(after, AAD), StandardCharsets.UTF_8)).isEqualTo(SECRET);
    }

    @Test
    void keyStoreSurvivesARestartWithItsKeys() {
        SealedValue sealed = cipher.seal(SECRET.getBytes(StandardCharsets.UTF_8), AAD);
        keys.rotate();

        Pkcs12KeyProvider reopened = new Pkcs12KeyProvider(new CryptoProperties(dir.resolve("kek.p12"), "test-password", false));

        assertThat(reopened.activeKeyId()).isEqualTo("kek-0002");
        assertThat(new EnvelopeCipher(reopened).open(sealed, AAD)).isEqualTo(SECRET.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wrongKeyStorePasswordIsRefused() {
        cipher.seal(new byte[] {1}, AAD);
        assertThatThrownBy(() -> new Pkcs12KeyProvider(new CryptoProperties(dir.resolve("kek.p12"), "wrong", false)))
                .hasMessageContaining("wrong password");
    }

    @Test
    void missingPasswordIsRefusedUnlessGenerationIsAllowed() {
        assertThatThrownBy(() -> new Pkcs12KeyProvider(new CryptoProperties(dir.resolve("other.p12"), null, false)))
                .hasMessageContaining("ECONTRACT_CRYPTO_KEYSTORE_PASSWORD");
    }

    @Test
    void generatedPasswordFileIsOwnerOnly() throws IOException {
        new Pkcs12KeyProvider(new CryptoProperties(dir.resolve("gen.p12"), null, true));

        assertThat(Files.getPosixFilePermissions(dir.resolve("gen.p12.pass"))).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_535, 65_536, 65_537, 3 * 65_536, 1_000_003})
    void streamsOfAnyLengthRoundTrip(int length) throws IOException {
        byte[] plain = randomBytes(length);
        SealedStream sealed = seal(plain);
        WrappedDataKey key = sealed.key();

        ByteArrayOutputStream opened = new ByteArrayOutputStream();
        cipher.openStream(key, new ByteArrayInputStream(sealed.bytes()), opened, AAD);

        assertThat(opened.toByteArray()).isEqualTo(plain);
    }

    @Test
    void streamHoldsNoPlaintext() throws IOException {
        byte[] plain = (SECRET.repeat(5000)).getBytes(StandardCharsets.UTF_8);
        SealedStream sealed = seal(plain);

        assertThat(new String(sealed.bytes(), StandardCharsets.UTF_8)).doesNotContain("上海东方");
    }

    @Test
    void truncatedStreamIsDetectedEvenAtASegmentBoundary() throws IOException {
        byte[] plain = randomBytes(3 * 65_536);
        SealedStream sealed = seal(plain);
        WrappedDataKey key = sealed.key();
        byte[] whole = sealed.bytes();
        byte[] truncated = Arrays.copyOf(whole, 15 + 2 * (65_536 + 16)); // header + two whole segments

        assertThatThrownBy(() -> cipher.openStream(key, new ByteArrayInputStream(truncated), new ByteArrayOutputStream(), AAD))
                .isInstanceOf(TamperedDataException.class);
    }

    @Test
    void reorderedSegmentsAreDetected() throws IOException {
        byte[] plain = randomBytes(3 * 65_536 + 10);
        SealedStream sealed = seal(plain);
        WrappedDataKey key = sealed.key();
        byte[] bytes = sealed.bytes();
        int seg = 65_536 + 16;
        byte[] first = Arrays.copyOfRange(bytes, 15, 15 + seg);
        System.arraycopy(bytes, 15 + seg, bytes, 15, seg);
        System.arraycopy(first, 0, bytes, 15 + seg, seg);

        assertThatThrownBy(() -> cipher.openStream(key, new ByteArrayInputStream(bytes), new ByteArrayOutputStream(), AAD))
                .isInstanceOf(TamperedDataException.class);
    }

    @Test
    void flippedStreamByteIsDetected() throws IOException {
        byte[] plain = randomBytes(200_000);
        SealedStream sealed = seal(plain);
        WrappedDataKey key = sealed.key();
        byte[] bytes = sealed.bytes();
        bytes[bytes.length - 100] ^= 0x40;

        assertThatThrownBy(() -> cipher.openStream(key, new ByteArrayInputStream(bytes), new ByteArrayOutputStream(), AAD))
                .isInstanceOf(TamperedDataException.class);
    }

    @Test
    void rewrappedStreamKeyStillOpensTheUnchangedStream() throws IOException {
        byte[] plain = randomBytes(100_000);
        SealedStream sealed = seal(plain);
        WrappedDataKey key = sealed.key();
        keys.rotate();

        WrappedDataKey rewrapped = cipher.rewrap(key);
        ByteArrayOutputStream opened = new ByteArrayOutputStream();
        cipher.openStream(rewrapped, new ByteArrayInputStream(sealed.bytes()), opened, AAD);

        assertThat(rewrapped.kekId()).isEqualTo("kek-0002");
        assertThat(opened.toByteArray()).isEqualTo(plain);
    }

    private SealedStream seal(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WrappedDataKey key = cipher.sealStream(new ByteArrayInputStream(plain), out, AAD);
        return new SealedStream(key, out.toByteArray());
    }

    private record SealedStream(WrappedDataKey key, byte[] bytes) {
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
