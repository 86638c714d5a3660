package cn.econtract.app.crypto;

import javax.crypto.SecretKey;

/**
 * Port to wherever key-encryption keys live. Implementations never hand out KEK material:
 * wrapping and unwrapping happen inside the provider, so an HSM adapter can keep its keys
 * non-extractable.
 */
public interface KeyEncryptionKeyProvider {

    /** Id of the KEK that wraps new data keys. */
    String activeKeyId();

    byte[] wrap(String kekId, SecretKey dataKey);

    SecretKey unwrap(String kekId, byte[] wrappedKey);

    /** Creates a new KEK and makes it the active one; older KEKs stay available for unwrapping. */
    String rotate();

    /** A long-lived HMAC key for one purpose (for example the operation log's hash chain). */
    SecretKey macKey(String purpose);
}
