package cn.econtract.app.crypto;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * Bouncy Castle's signer view of a key in a provider: buffers what CMS wants signed (the signed
 * attributes) and has the key provider sign it with SHA256withECDSA, so the private key never
 * leaves the provider (PKCS#12 or an HSM). One instance per signature.
 */
public final class ProviderContentSigner implements ContentSigner {

    private final String algorithm;
    private final java.util.function.UnaryOperator<byte[]> signature;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    /** A platform key of the key-encryption-key provider (SHA256withECDSA). */
    public ProviderContentSigner(KeyEncryptionKeyProvider keys, String purpose) {
        this("SHA256withECDSA", data -> keys.sign(purpose, data));
    }

    /** A key of the signing key store (a CA, a person, an organisation). */
    public ProviderContentSigner(SigningKeyStore keys, String alias, KeyAlgorithm algorithm) {
        this(algorithm.signatureAlgorithm(), data -> keys.signWith(alias, data));
    }

    private ProviderContentSigner(String algorithm, java.util.function.UnaryOperator<byte[]> signature) {
        this.algorithm = algorithm;
        this.signature = signature;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm);
    }

    @Override
    public OutputStream getOutputStream() {
        return buffer;
    }

    @Override
    public byte[] getSignature() {
        return signature.apply(buffer.toByteArray());
    }
}
