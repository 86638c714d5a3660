package cn.econtract.app.signing;

import cn.econtract.app.kernel.Sha256;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import cn.econtract.app.pki.CertificateAuthority;
import cn.econtract.app.pki.IssuedCertificate;
import cn.econtract.app.timestamp.TimeStampTokens;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;
import org.springframework.stereotype.Service;

/**
 * Checks the signatures of any PDF, ours or not: for each one whether it is intact, what it covers,
 * whether it carries a valid time-stamp, and — for certificates our CA issued — whether the chain
 * leads to our root and the certificate is revoked. Nothing is stored; the caller's upload has
 * passed the usual size and type checks.
 */
@Service
public class SignatureVerification {

    private final CertificateAuthority ca;

    SignatureVerification(CertificateAuthority ca) {
        this.ca = ca;
    }

    /** One signature or document time-stamp; {@code field} is its signature field's name. */
    public record SignatureCheck(String field, String subFilter, boolean documentTimeStamp, String signer, String serial,
                                 Instant claimedTime, boolean intact, String problem, boolean coversWholeDocument,
                                 Instant timeStamp, String timeStampAuthority, boolean certifies, boolean issuedByPlatform,
                                 Boolean revoked) {
    }

    /**
     * The whole report: {@code valid} when every signature is intact and the last one covers the
     * whole file; {@code evidence} whether this very file is a revision the platform recorded.
     */
    public record Report(int signatures, boolean valid, boolean modifiedAfterLastSignature, List<SignatureCheck> checks,
                         Evidence evidence) {
    }

    /**
     * "Evidence found": the file is byte for byte a signed revision we produced. {@code contractNo}
     * and the evidence entries are shown only to a caller who may view that contract.
     */
    public record Evidence(boolean found, String contractNo, Integer revision, List<Long> entries) {

        static final Evidence NONE = new Evidence(false, null, null, List.of());
    }

    public Report verify(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<SignatureCheck> checks = new ArrayList<>();
            for (PDSignatureField field : document.getSignatureFields()) {
                if (field.getSignature() != null) {
                    checks.add(check(field.getFullyQualifiedName(), field.getSignature(), pdf, document));
                }
            }
            boolean wholeAtEnd = !checks.isEmpty() && checks.get(checks.size() - 1).coversWholeDocument();
            return new Report(checks.size(), !checks.isEmpty() && wholeAtEnd && checks.stream().allMatch(SignatureCheck::intact),
                    !checks.isEmpty() && !wholeAtEnd, checks, null);
        } catch (IOException e) {
            throw new BusinessException(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.upload.malformed");
        }
    }

    private SignatureCheck check(String field, PDSignature signature, byte[] pdf, PDDocument document) throws IOException {
        int[] range = signature.getByteRange();
        boolean whole = range != null && range.length == 4 && (long) range[2] + range[3] == pdf.length;
        boolean timeStampOnly = COSName.DOC_TIME_STAMP.getName().equals(signature.getCOSObject().getNameAsString(COSName.TYPE))
                || "ETSI.RFC3161".equals(signature.getSubFilter());
        byte[] contents = signature.getContents(pdf);
        byte[] signed = signature.getSignedContent(pdf);
        boolean certifies = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS) != null
                && document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS).getDictionaryObject(COSName.DOCMDP)
                == signature.getCOSObject();
        Instant claimed = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        try {
            if (timeStampOnly) {
                TimeStampTokens.Check token = TimeStampTokens.verify(contents, Sha256.digest(signed));
                return new SignatureCheck(field, signature.getSubFilter(), true, token.tsa(), token.serial(), claimed, token.valid(), token.problem(),
                        whole, token.time(), token.tsa(), false, false, null);
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches((Selector<X509CertificateHolder>) (Selector<?>) signer.getSID());
            if (matches.isEmpty()) {
                return failed(field, signature, claimed, whole, certifies, "the signature carries no certificate of its signer");
            }
            X509Certificate certificate = cn.econtract.app.crypto.Certificates.of(matches.iterator().next());
            boolean intact;
            try {
                intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (CMSException digestMismatch) {
                intact = false;  // Bouncy Castle reports changed signed bytes as an exception
            }
            TimeStampTokens.Check stamp = SignatureTimeStamps.tokenOf(signer)
                    .map(token -> TimeStampTokens.verify(token, Sha256.digest(signer.getSignature()))).orElse(null);
            Optional<IssuedCertificate> ours = issuedByUs(certificate);
            String problem = !intact ? "the signed bytes or the signature changed"
                    : stamp != null && !stamp.valid() ? "time-stamp invalid: " + stamp.problem() : null;
            return new SignatureCheck(field, signature.getSubFilter(), false,
                    certificate.getSubjectX500Principal().getName(), certificate.getSerialNumber().toString(16), claimed,
                    intact && (stamp == null || stamp.valid()), problem, whole, stamp == null || !stamp.valid() ? null : stamp.time(),
                    stamp == null ? null : stamp.tsa(), certifies, ours.isPresent(), ours.map(IssuedCertificate::revoked).orElse(null));
        } catch (CMSException | GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            return failed(field, signature, claimed, whole, certifies, "signature unreadable or invalid: " + e.getMessage());
        }
    }

    private Optional<IssuedCertificate> issuedByUs(X509Certificate certificate) {
        List<X509Certificate> chain = ca.issuingChain();
        try {
            certificate.verify(chain.get(0).getPublicKey());
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
        return ca.find(certificate.getSerialNumber().toString(16));
    }

    private static SignatureCheck failed(String field, PDSignature signature, Instant claimed, boolean whole, boolean certifies,
                                         String problem) {
        return new SignatureCheck(field, signature.getSubFilter(), false, null, null, claimed, false, problem,
                whole, null, null, certifies, false, null);
    }
}
