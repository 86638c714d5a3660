package cn.econtract.app.crypto;

import java.util.Base64;

/**
 * A small value sealed under its own data key: the wrapped key travels with the ciphertext, so a
 * KEK rotation rewrites {@code kekId} and {@code wrappedKey} and leaves {@code iv} and
 * {@code ciphertext} untouched.
 */
public record SealedValue(String kekId, byte[] wrappedKey, byte[] iv, byte[] ciphertext) {

    private static final String PREFIX = "ev1";
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    /** Compact text form for a database column: {@code ev1.kekId.wrappedKey.iv.ciphertext}. */
    public String encode() {
        return PREFIX + '.' + kekId + '.' + ENC.encodeToString(wrappedKey) + '.'
                + ENC.encodeToString(iv) + '.' + ENC.encodeToString(ciphertext);
    }

    public static SealedValue decode(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\.", -1);
        if (parts.length != 5 || !PREFIX.equals(parts[0])) {
            throw new TamperedDataException("not a sealed value");
        }
        try {
            return new SealedValue(parts[1], DEC.decode(parts[2]), DEC.decode(parts[3]), DEC.decode(parts[4]));
        } catch (IllegalArgumentException e) {
            throw new TamperedDataException("sealed value is not valid base64", e);
        }
    }

    public SealedValue withKey(String newKekId, byte[] newWrappedKey) {
        return new SealedValue(newKekId, newWrappedKey, iv, ciphertext);
    }
}
