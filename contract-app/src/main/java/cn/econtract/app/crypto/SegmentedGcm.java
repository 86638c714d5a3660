package cn.econtract.app.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Streaming AES-GCM in fixed-size segments, each with its own tag. The nonce of a segment is
 * {@code prefix(7) || index(4) || last(1)}, so segments cannot be reordered, dropped or the
 * stream truncated without failing authentication. Why not one GCM pass: the JDK buffers a
 * whole GCM decryption until the tag is checked, and a single-shot cipher over megabytes is
 * slow (DESIGN §10); segments keep memory flat and throughput high.
 *
 * <p>Format: {@code "ECS1" | segmentSize(int) | prefix(7) | segment*}.
 */
final class SegmentedGcm {

    static final int SEGMENT_SIZE = 64 * 1024;
    private static final byte[] MAGIC = {'E', 'C', 'S', '1'};
    private static final int PREFIX_BYTES = 7;
    private static final int TAG_BYTES = 16;

    private SegmentedGcm() {
    }

    static void encrypt(InputStream in, OutputStream out, SecretKey key, byte[] aad, SecureRandom random)
            throws IOException {
        byte[] prefix = new byte[PREFIX_BYTES];
        random.nextBytes(prefix);
        out.write(MAGIC);
        out.write(ByteBuffer.allocate(4).putInt(SEGMENT_SIZE).array());
        out.write(prefix);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] current = in.readNBytes(SEGMENT_SIZE);
            int index = 0;
            while (true) {
                byte[] next = current.length == SEGMENT_SIZE ? in.readNBytes(SEGMENT_SIZE) : new byte[0];
                boolean last = next.length == 0;
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce(prefix, index, last)));
                cipher.updateAAD(aad);
                out.write(cipher.doFinal(current));
                if (last) {
                    return;
                }
                current = next;
                index = Math.incrementExact(index);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM segment encryption failed", e);
        }
    }

    static void decrypt(InputStream in, OutputStream out, SecretKey key, byte[] aad) throws IOException {
        byte[] header = in.readNBytes(MAGIC.length + 4 + PREFIX_BYTES);
        if (header.length != MAGIC.length + 4 + PREFIX_BYTES || !Arrays.equals(MAGIC, 0, 4, header, 0, 4)) {
            throw new TamperedDataException("not an encrypted document stream");
        }
        int segmentSize = ByteBuffer.wrap(header, 4, 4).getInt();
        if (segmentSize != SEGMENT_SIZE) {
            throw new TamperedDataException("unexpected segment size " + segmentSize);
        }
        byte[] prefix = Arrays.copyOfRange(header, 8, 8 + PREFIX_BYTES);
        int sealedSize = segmentSize + TAG_BYTES;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] current = in.readNBytes(sealedSize);
            int index = 0;
            while (true) {
                if (current.length < TAG_BYTES) {
                    throw new TamperedDataException("encrypted document is truncated");
                }
                byte[] next = current.length == sealedSize ? in.readNBytes(sealedSize) : new byte[0];
                boolean last = next.length == 0;
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce(prefix, index, last)));
                cipher.updateAAD(aad);
                out.write(cipher.doFinal(current));
                if (last) {
                    return;
                }
                current = next;
                index = Math.incrementExact(index);
            }
        } catch (AEADBadTagException e) {
            throw new TamperedDataException("encrypted document failed authentication: changed, reordered or truncated", e);
        } catch (GeneralSecurityException e) {
            throw new TamperedDataException("encrypted document cannot be decrypted", e);
        }
    }

    private static byte[] nonce(byte[] prefix, int index, boolean last) {
        return ByteBuffer.allocate(12).put(prefix).putInt(index).put((byte) (last ? 1 : 0)).array();
    }
}
