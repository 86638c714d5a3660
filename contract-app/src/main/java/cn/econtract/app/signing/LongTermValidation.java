package cn.econtract.app.signing;

import cn.econtract.app.kernel.Sha256;
import cn.econtract.app.document.IncrementalSignature;
import cn.econtract.app.pki.CertificateAuthority;
import cn.econtract.app.pki.OcspResponder;
import cn.econtract.app.timestamp.TimeStampAuthority;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.springframework.stereotype.Service;

/**
 * Makes signed PDFs verifiable years later without us (PAdES-B-LT, then B-LTA): a DSS dictionary
 * with every certificate of every signature and time-stamp, an OCSP response for each certificate
 * our CA issued and the CA's CRL, per signature in its VRI entry; then a document time-stamp
 * (ETSI.RFC3161) over the whole file, so the validation material itself is fixed in time. Both in
 * one incremental revision each; earlier signatures stay intact.
 */
@Service
public class LongTermValidation {

    private final CertificateAuthority ca;
    private final OcspResponder ocsp;
    private final TimeStampAuthority authority;

    LongTermValidation(CertificateAuthority ca, OcspResponder ocsp, TimeStampAuthority authority) {
        this.ca = ca;
        this.ocsp = ocsp;
        this.authority = authority;
    }

    /** B-LT then B-LTA. */
    public byte[] archive(byte[] signedPdf) {
        return documentTimeStamp(addValidationData(signedPdf));
    }

    public byte[] addValidationData(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Map<String, COSStream> certificates = new LinkedHashMap<>();
            Map<String, COSStream> responses = new LinkedHashMap<>();
            Map<String, COSStream> crls = new LinkedHashMap<>();
            COSDictionary vri = new COSDictionary();
            byte[] crl = ca.crl().getEncoded();
            for (PDSignature signature : document.getSignatureDictionaries()) {
                byte[] contents = signature.getContents(pdf);
                List<X509Certificate> chain = certificatesOf(contents);
                COSDictionary entry = new COSDictionary();
                COSArray certs = new COSArray();
                COSArray ocsps = new COSArray();
                COSArray crlRefs = new COSArray();
                for (X509Certificate certificate : chain) {
                    certs.add(stream(document, certificates, certificate.getEncoded()));
                    if (issuedByUs(certificate)) {
                        ocsps.add(stream(document, responses, ocsp.respond(request(certificate))));
                        crlRefs.add(stream(document, crls, crl));
                    }
                }
                entry.setItem(COSName.getPDFName("Cert"), certs);
                entry.setItem(COSName.getPDFName("OCSP"), ocsps);
                entry.setItem(COSName.getPDFName("CRL"), crlRefs);
                vri.setItem(COSName.getPDFName(HexFormat.of().withUpperCase().formatHex(sha1(contents))), entry);
            }
            COSDictionary dss = new COSDictionary();
            dss.setItem(COSName.getPDFName("Certs"), array(certificates));
            dss.setItem(COSName.getPDFName("OCSPs"), array(responses));
            dss.setItem(COSName.getPDFName("CRLs"), array(crls));
            dss.setItem(COSName.getPDFName("VRI"), vri);
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            catalog.setItem(COSName.getPDFName("DSS"), dss);
            catalog.setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 65536);
            document.saveIncremental(out, Set.of(catalog));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add validation data", e);
        } catch (CertificateException | CRLException | CMSException | TSPException | OCSPException | OperatorCreationException e) {
            throw new IllegalStateException("cannot add validation data", e);
        }
    }

    /** A document time-stamp (PDF 2.0 §12.8.5): an RFC 3161 token over the byte ranges, as the last revision. */
    public byte[] documentTimeStamp(byte[] pdf) {
        PDSignature stamp = new PDSignature();
        stamp.setType(COSName.DOC_TIME_STAMP);
        stamp.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        stamp.setSubFilter(COSName.getPDFName("ETSI.RFC3161"));
        return IncrementalSignature.add(pdf, stamp, PadesSigner.SIGNATURE_SPACE, document -> { },
                content -> authority.stamp(Sha256.digest(content.readAllBytes())));
    }

    /** The signer's chain and, for a signature time-stamp inside it, the TSA's certificates. */
    private static List<X509Certificate> certificatesOf(byte[] contents)
            throws CMSException, CertificateException, TSPException, IOException {
        CMSSignedData cms = new CMSSignedData(contents);
        List<X509CertificateHolder> holders = new ArrayList<>(cms.getCertificates().getMatches(null));
        if (cms.getSignedContentTypeOID() != null && cms.getSignedContentTypeOID().equals(PKCSObjectIdentifiers.id_ct_TSTInfo.getId())) {
            return convert(holders);
        }
        for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
            java.util.Optional<byte[]> token = SignatureTimeStamps.tokenOf(signer);
            if (token.isPresent()) {
                holders.addAll(new TimeStampToken(new CMSSignedData(token.get())).getCertificates().getMatches(null));
            }
        }
        return convert(holders);
    }

    private static List<X509Certificate> convert(List<X509CertificateHolder> holders) throws CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (X509CertificateHolder holder : holders) {
            X509Certificate certificate = cn.econtract.app.crypto.Certificates.of(holder);
            if (!certificates.contains(certificate)) {
                certificates.add(certificate);
            }
        }
        return certificates;
    }

    private boolean issuedByUs(X509Certificate certificate) {
        X509Certificate issuing = ca.issuingChain().get(0);
        return certificate.getIssuerX500Principal().equals(issuing.getSubjectX500Principal()) && ca.find(
                certificate.getSerialNumber().toString(16)).isPresent();
    }

    private byte[] request(X509Certificate certificate) throws OCSPException, OperatorCreationException,
            CertificateEncodingException, IOException {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(ca.issuingChain().get(0)), certificate.getSerialNumber());
        return new OCSPReqBuilder().addRequest(id).build().getEncoded();
    }

    private static COSStream stream(PDDocument document, Map<String, COSStream> seen, byte[] data) throws IOException {
        String key = HexFormat.of().formatHex(sha1(data));
        COSStream existing = seen.get(key);
        if (existing != null) {
            return existing;
        }
        COSStream stream = document.getDocument().createCOSStream();
        try (var out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(data);
        }
        stream.setNeedToBeUpdated(true);
        seen.put(key, stream);
        return stream;
    }

    private static COSArray array(Map<String, COSStream> streams) {
        COSArray array = new COSArray();
        streams.values().forEach(array::add);
        array.setNeedToBeUpdated(true);
        return array;
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
