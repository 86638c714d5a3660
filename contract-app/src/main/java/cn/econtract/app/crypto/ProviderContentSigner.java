package cn.econtract.app.crypto;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * Bouncy Castle's signer view of a platform key: buffers what CMS wants signed (the signed
 * attributes) and has the key provider sign it with SHA256withECDSA, so the private key never
 * leaves the provider (PKCS#12 or an HSM). One instance per signature.
 */
public final class ProviderContentSigner implements ContentSigner {

    private static final String ALGORITHM = "SHA256withECDSA";

    private final KeyEncryptionKeyProvider keys;
    private final String purpose;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    public ProviderContentSigner(KeyEncryptionKeyProvider keys, String purpose) {
        this.keys = keys;
        this.purpose = purpose;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return new DefaultSignatureAlgorithmIdentifierFinder().find(ALGORITHM);
    }

    @Override
    public OutputStream getOutputStream() {
        return buffer;
    }

    @Override
    public byte[] getSignature() {
        return keys.sign(purpose, buffer.toByteArray());
    }
}
