package cn.econtract.app.crypto;

/** Key pairs the platform makes for people, organisations and its CAs, with the signature each uses. */
public enum KeyAlgorithm {
    EC_P256("EC", "SHA256withECDSA"),
    RSA_3072("RSA", "SHA256withRSA");

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

    /** A new key pair; {@code provider} null for the JDK's own, else e.g. a PKCS#11 token (the key is made there). */
    public java.security.KeyPair generate(java.security.Provider provider) {
        try {
            java.security.KeyPairGenerator generator = provider == null ? java.security.KeyPairGenerator.getInstance(keyType)
                    : java.security.KeyPairGenerator.getInstance(keyType, provider);
            if (this == RSA_3072) {
                generator.initialize(3072, new java.security.SecureRandom());
            } else {
                generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"), new java.security.SecureRandom());
            }
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + name() + " key pair", e);
        }
    }

    public static KeyAlgorithm of(java.security.PublicKey key) {
        return "RSA".equals(key.getAlgorithm()) ? RSA_3072 : EC_P256;
    }
}
