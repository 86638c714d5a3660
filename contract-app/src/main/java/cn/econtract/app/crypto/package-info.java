/**
 * Encryption at rest (S1): AES-256-GCM envelope encryption with a fresh data key per object,
 * wrapped by a key-encryption key (KEK) held by a {@link cn.econtract.app.crypto.KeyEncryptionKeyProvider}
 * (PKCS#12 key store by default; a PKCS#11 HSM adapter plugs in behind the same port).
 */
package cn.econtract.app.crypto;
