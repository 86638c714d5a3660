package cn.econtract.app.signing;

import cn.econtract.app.kernel.Sha256;
import cn.econtract.app.crypto.KeyAlgorithm;
import cn.econtract.app.crypto.ProviderContentSigner;
import cn.econtract.app.crypto.SigningKeyStore;
import cn.econtract.app.document.IncrementalSignature;
import cn.econtract.app.timestamp.TimeStampAuthority;
import java.io.IOException;
import java.io.InputStream;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Service;

/**
 * PAdES baseline signatures (ETSI EN 319 142) with PDFBox and Bouncy Castle CMS: SubFilter
 * {@code ETSI.CAdES.detached}, the signer's certificate bound by an ESS signing-certificate-v2
 * attribute and no CMS signing-time (the PDF's /M carries the claimed time), the key used inside
 * the key store, and a signature time-stamp over the signature value as an unsigned attribute
 * (B-T). Each call adds one incremental revision, so earlier signatures stay intact.
 */
@Service
public class PadesSigner {

    static final int SIGNATURE_SPACE = 24_000;

    private final SigningKeyStore keys;
    private final TimeStampAuthority authority;

    public PadesSigner(SigningKeyStore keys, TimeStampAuthority authority) {
        this.keys = keys;
        this.authority = authority;
    }

    public byte[] sign(byte[] pdf, SignatureRequest request) {
        return sign(pdf, request, null);
    }

    /** With a visible appearance (handwritten signature or seal, 骑缝章); {@code appearance} null: invisible. */
    public byte[] sign(byte[] pdf, SignatureRequest request, SignatureAppearance appearance) {
        List<X509Certificate> chain = keys.chain(request.keyAlias());
        if (chain.isEmpty()) {
            throw new IllegalStateException("key " + request.keyAlias() + " has no certificate yet");
        }
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
        signature.setName(request.name());
        signature.setReason(request.reason());
        signature.setLocation(request.location());
        signature.setSignDate(IncrementalSignature.time(request.at()));
        return IncrementalSignature.add(pdf, signature, SIGNATURE_SPACE, document -> {
            if (request.certify() && document.getSignatureDictionaries().isEmpty()) {
                certify(document, signature, request.docMdp());
            }
        }, (document, field) -> {
            if (appearance != null) {
                appearance.apply(document, field);
            }
        }, content -> cms(content, request.keyAlias(), chain));
    }

    private byte[] cms(InputStream content, String alias, List<X509Certificate> chain) throws IOException {
        try {
            X509Certificate certificate = chain.get(0);
            KeyAlgorithm algorithm = KeyAlgorithm.of(certificate.getPublicKey());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signedAttributes(certificate))
                    .build(new ProviderContentSigner(keys, alias, algorithm), certificate));
            generator.addCertificates(new JcaCertStore(chain));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
            return timeStamped(signed).getEncoded();
        } catch (OperatorCreationException | CMSException | CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IOException("cannot create the CMS signature", e);
        }
    }

    /** Signature time-stamp (RFC 3161 token over the signature value) as the signer's unsigned attribute. */
    private CMSSignedData timeStamped(CMSSignedData signed) throws IOException, NoSuchAlgorithmException {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        byte[] token = authority.stamp(Sha256.digest(signer.getSignature()));
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token))));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attributes));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    /** ESS signing-certificate-v2 in, CMS signing-time out (PAdES baseline). */
    private static CMSAttributeTableGenerator signedAttributes(X509Certificate certificate)
            throws CertificateEncodingException, NoSuchAlgorithmException {
        byte[] hash = Sha256.digest(certificate.getEncoded());
        Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2(hash))));
        DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(
                new AttributeTable(new DERSet(signingCertificate)));
        return parameters -> {
            AttributeTable table = defaults.getAttributes(parameters);
            return table.remove(CMSAttributes.signingTime);
        };
    }

    /** DocMDP transform (PDF 32000-1 §12.8.2.2): P=2 form filling and signing; P=3 also annotations. */
    private static void certify(PDDocument document, PDSignature signature, int level) {
        COSDictionary transform = new COSDictionary();
        transform.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        transform.setInt(COSName.P, level);
        transform.setName(COSName.V, "1.2");
        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
        reference.setItem(COSName.getPDFName("TransformMethod"), COSName.DOCMDP);
        reference.setItem(COSName.getPDFName("DigestMethod"), COSName.getPDFName("SHA256"));
        reference.setItem(COSName.getPDFName("TransformParams"), transform);
        COSArray references = new COSArray();
        references.add(reference);
        signature.getCOSObject().setItem(COSName.getPDFName("Reference"), references);
        COSDictionary permissions = new COSDictionary();
        permissions.setItem(COSName.DOCMDP, signature);
        document.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, permissions);
        document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
    }

}
