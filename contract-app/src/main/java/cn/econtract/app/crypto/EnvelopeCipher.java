package cn.econtract.app.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM envelope encryption: every object gets its own random data key, wrapped by the
 * provider's active KEK. Associated data binds a ciphertext to where it belongs (table, column,
 * row id), so a sealed value copied to another row does not open.
 */
public class EnvelopeCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyEncryptionKeyProvider keys;
    private final SecureRandom random = new SecureRandom();

    public EnvelopeCipher(KeyEncryptionKeyProvider keys) {
        this.keys = keys;
    }

    public SealedValue seal(byte[] plaintext, byte[] associatedData) {
        SecretKey dataKey = newDataKey();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] ciphertext = cipher.doFinal(plaintext);
            String kekId = keys.activeKeyId();
            return new SealedValue(kekId, keys.wrap(kekId, dataKey), iv, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public byte[] open(SealedValue sealed, byte[] associatedData) {
        SecretKey dataKey = keys.unwrap(sealed.kekId(), sealed.wrappedKey());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, dataKey, new GCMParameterSpec(TAG_BITS, sealed.iv()));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new TamperedDataException("sealed value failed authentication: changed or misplaced", e);
        } catch (GeneralSecurityException e) {
            throw new TamperedDataException("sealed value cannot be decrypted", e);
        }
    }

    /** Re-wraps the data key under the active KEK; the ciphertext is not touched. */
    public SealedValue rewrap(SealedValue sealed) {
        String active = keys.activeKeyId();
        if (active.equals(sealed.kekId())) {
            return sealed;
        }
        SecretKey dataKey = keys.unwrap(sealed.kekId(), sealed.wrappedKey());
        return sealed.withKey(active, keys.wrap(active, dataKey));
    }

    public WrappedDataKey rewrap(WrappedDataKey wrapped) {
        String active = keys.activeKeyId();
        if (active.equals(wrapped.kekId())) {
            return wrapped;
        }
        SecretKey dataKey = keys.unwrap(wrapped.kekId(), wrapped.wrappedKey());
        return new WrappedDataKey(active, keys.wrap(active, dataKey));
    }

    /**
     * Encrypts a stream of any length in authenticated segments (see {@link SegmentedGcm}); the
     * plaintext never needs to be held in memory or written to disk.
     */
    public WrappedDataKey sealStream(InputStream plaintext, OutputStream ciphertext, byte[] associatedData)
            throws IOException {
        SecretKey dataKey = newDataKey();
        SegmentedGcm.encrypt(plaintext, ciphertext, dataKey, associatedData, random);
        String kekId = keys.activeKeyId();
        return new WrappedDataKey(kekId, keys.wrap(kekId, dataKey));
    }

    /** A fresh data key, wrapped by the active KEK, for {@link #sealStream(WrappedDataKey, InputStream, OutputStream, byte[])}. */
    public WrappedDataKey newWrappedKey() {
        String kekId = keys.activeKeyId();
        return new WrappedDataKey(kekId, keys.wrap(kekId, newDataKey()));
    }

    /** Encrypts a stream under a data key chosen before (e.g. recorded before the object is written). */
    public void sealStream(WrappedDataKey key, InputStream plaintext, OutputStream ciphertext, byte[] associatedData)
            throws IOException {
        SegmentedGcm.encrypt(plaintext, ciphertext, keys.unwrap(key.kekId(), key.wrappedKey()), associatedData, random);
    }

    /**
     * Decrypts a stream written by {@link #sealStream}. Segments are verified before they are
     * written out; on a {@link TamperedDataException} whatever was written must be discarded.
     */
    public void openStream(WrappedDataKey key, InputStream ciphertext, OutputStream plaintext, byte[] associatedData)
            throws IOException {
        SegmentedGcm.decrypt(ciphertext, plaintext, keys.unwrap(key.kekId(), key.wrappedKey()), associatedData);
    }

    private SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
