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

    public static KeyAlgorithm of(java.security.PublicKey key) {
        return "RSA".equals(key.getAlgorithm()) ? RSA_3072 : EC_P256;
    }
}
