package cn.econtract.app.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Key pairs the platform makes for people, organisations and its CAs, with the signature each
 * uses: ECDSA P-256 or RSA-3072 by default, or SM2 with SM3 (GB/T 32918, GB/T 32905) where the
 * national algorithms are required.
 */
public enum KeyAlgorithm {
    EC_P256("EC", "SHA256withECDSA"),
    RSA_3072("RSA", "SHA256withRSA"),
    SM2("EC", "SM3withSM2");

    static {
        // Only Bouncy Castle knows SM2/SM3. Added last, so the JDK's providers still serve everything
        // they can; key factories fail over to it for SM2 keys read back from a key store.
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private static final BigInteger SM2_ORDER = GMNamedCurves.getByName("sm2p256v1").getN();

    private final String keyType;
    private final String signatureAlgorithm;

    KeyAlgorithm(String keyType, String signatureAlgorithm) {
        this.keyType = keyType;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public String keyType() {
        return keyType;
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** A new key pair; {@code provider} null for the JDK's own (Bouncy Castle for SM2), else e.g. a PKCS#11 token. */
    public KeyPair generate(Provider provider) {
        try {
            KeyPairGenerator generator;
            if (provider != null) {
                generator = KeyPairGenerator.getInstance(keyType, provider);
            } else if (this == SM2) {
                generator = KeyPairGenerator.getInstance(keyType, BouncyCastleProvider.PROVIDER_NAME);
            } else {
                generator = KeyPairGenerator.getInstance(keyType);
            }
            switch (this) {
                case RSA_3072 -> generator.initialize(3072, new SecureRandom());
                case SM2 -> generator.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
                default -> generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + name() + " key pair", e);
        }
    }

    public static KeyAlgorithm of(PublicKey key) {
        if ("RSA".equals(key.getAlgorithm())) {
            return RSA_3072;
        }
        if (key instanceof ECPublicKey ec && SM2_ORDER.equals(ec.getParams().getOrder())) {
            return SM2;
        }
        return EC_P256;
    }
}
