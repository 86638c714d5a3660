package cn.econtract.app.document;

import cn.econtract.app.crypto.KeyEncryptionKeyProvider;
import cn.econtract.app.crypto.ProviderContentSigner;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

/**
 * Signs the platform's own PDFs (audit reports) with the platform key, as a detached CMS
 * signature (adbe.pkcs7.detached) any PDF reader verifies; the key stays in the key provider.
 * Changing a byte of the signed range makes the signature invalid (poppler's pdfsig checks it in tests).
 */
@Component
public class PlatformSignature {

    private final KeyEncryptionKeyProvider keys;

    public PlatformSignature(KeyEncryptionKeyProvider keys) {
        this.keys = keys;
    }

    public X509Certificate certificate(String purpose) {
        return keys.signingCertificate(purpose);
    }

    public byte[] sign(byte[] pdf, String purpose, String name, String reason, Instant at) {
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
        signature.setName(name);
        signature.setReason(reason);
        signature.setSignDate(IncrementalSignature.time(at));
        return IncrementalSignature.add(pdf, signature, 8192, document -> { }, content -> cms(content, purpose));
    }

    private byte[] cms(InputStream content, String purpose) throws IOException {
        try {
            X509Certificate certificate = keys.signingCertificate(purpose);
            ContentSigner signer = new ProviderContentSigner(keys, purpose);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(signer, certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (OperatorCreationException | CMSException | CertificateEncodingException e) {
            throw new IOException("cannot create the CMS signature", e);
        }
    }
}
