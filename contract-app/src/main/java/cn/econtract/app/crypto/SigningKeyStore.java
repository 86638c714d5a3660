package cn.econtract.app.crypto;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Port to where private signing keys live (PKCS#12 in the embedded default, a PKCS#11 HSM next):
 * keys are generated inside, used inside, never handed out. Each key has an alias (a CA, a person,
 * an organisation's seal) and, once certified, its certificate chain.
 */
public interface SigningKeyStore {

    /** The public key under {@code alias}, generated inside the store on first use. */
    PublicKey keyPair(String alias, KeyAlgorithm algorithm);

    /** Stores the chain (end entity first) for the key under {@code alias}. */
    void certify(String alias, List<X509Certificate> chain);

    /** The chain stored for {@code alias}; empty until certified. */
    List<X509Certificate> chain(String alias);

    /** Signs {@code data} with the key's algorithm (SHA-256 with ECDSA or RSA). */
    byte[] signWith(String alias, byte[] data);
}
