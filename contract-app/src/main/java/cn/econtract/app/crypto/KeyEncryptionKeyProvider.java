package cn.econtract.app.crypto;

import javax.crypto.SecretKey;

/**
 * Port to wherever key-encryption keys live. Implementations never hand out KEK material:
 * wrapping and unwrapping happen inside the provider, so an HSM adapter can keep its keys
 * non-extractable.
 */
public interface KeyEncryptionKeyProvider {

    /** The built-in time-stamping authority's key; its certificate carries the time-stamping usage. */
    String TIME_STAMPING = "tsa";

    /** Id of the KEK that wraps new data keys. */
    String activeKeyId();

    byte[] wrap(String kekId, SecretKey dataKey);

    SecretKey unwrap(String kekId, byte[] wrappedKey);

    /** Creates a new KEK and makes it the active one; older KEKs stay available for unwrapping. */
    String rotate();

    /** A long-lived HMAC key for one purpose (for example the operation log's hash chain). */
    SecretKey macKey(String purpose);

    /**
     * The certificate of the platform's own signing key for one purpose (e.g. {@code audit-report}),
     * created on first use. Self-signed in the embedded default until the platform CA exists.
     */
    java.security.cert.X509Certificate signingCertificate(String purpose);

    /** Signs {@code data} with SHA256withECDSA under that key; the private key never leaves the provider. */
    byte[] sign(String purpose, byte[] data);
}
