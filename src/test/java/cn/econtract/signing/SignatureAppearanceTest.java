package cn.econtract.signing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.document.IncrementalSignature;
import cn.econtract.app.seal.SealImage;
import cn.econtract.app.signing.SignatureAppearance;
import cn.econtract.support.Tools;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/**
 * The look of a seal on paper, without the application: the seal image on the last page and the
 * 骑缝章 — one locked stamp strip per page along the right edge, the strips together the whole seal —
 * and the signature still valid for Poppler.
 */
class SignatureAppearanceTest {

    @Test
    void aSealSignatureShowsOnTheLastPageAndAsACrossPageSealWhilePopplerStillValidatesIt() throws Exception {
        byte[] seal = SealImage.draw("上海精工机床有限公司", "合同专用章", "3101150012345", size -> new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(size)));
        byte[] pdf = threePages();
        KeyPair pair = keyPair();
        X509Certificate certificate = selfSigned(pair);
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
        signature.setName("上海精工机床有限公司");
        signature.setSignDate(IncrementalSignature.time(Instant.now()));
        byte[] signed = IncrementalSignature.add(pdf, signature, 12_000, document -> { },
                new SignatureAppearance(seal, true, 0, "signer-1-1")::apply, content -> {
                    try {
                        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()), certificate));
                        generator.addCertificates(new JcaCertStore(List.of(certificate)));
                        return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
                    } catch (Exception e) {
                        throw new java.io.IOException(e);
                    }
                });

        String report = Tools.pdfSignatures(signed);
        assertThat(report).as(report).contains("signer-1-1", "Signature is Valid", "Total document signed");
        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignatureField field = document.getSignatureFields().get(0);
            assertThat(field.getWidgets()).as("the field is its own single widget").hasSize(1);
            PDAnnotationWidget main = field.getWidgets().get(0);
            assertThat(main.getRectangle().getWidth()).isEqualTo(SignatureAppearance.SEAL_SIZE);
            assertThat(document.getPage(2).getAnnotations()).extracting(a -> a.getCOSObject()).contains(main.getCOSObject());
            assertThat(document.getPage(0).getAnnotations()).extracting(a -> a.getCOSObject()).doesNotContain(main.getCOSObject());
            float strips = 0;
            for (int i = 0; i < 3; i++) {
                PDPage page = document.getPage(i);
                List<PDAnnotationRubberStamp> stamps = page.getAnnotations().stream().filter(PDAnnotationRubberStamp.class::isInstance)
                        .map(PDAnnotationRubberStamp.class::cast).toList();
                assertThat(stamps).as("one strip on page %d", i + 1).hasSize(1);
                PDAnnotationRubberStamp strip = stamps.get(0);
                assertThat(strip.getRectangle().getUpperRightX()).as("on the right edge").isEqualTo(page.getMediaBox().getUpperRightX());
                assertThat(strip.isLocked()).isTrue();
                assertThat(strip.getAppearance().getNormalAppearance().getAppearanceStream()).isNotNull();
                strips += strip.getRectangle().getWidth();
            }
            assertThat(strips).as("the strips together are one seal wide")
                    .isCloseTo(SignatureAppearance.SEAL_SIZE, org.assertj.core.data.Offset.offset(0.5f));
        }
    }

    private static byte[] threePages() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 3; i++) {
                document.addPage(new PDPage(PDRectangle.A4));
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair pair) throws Exception {
        X500Name name = new X500Name("CN=seal test");
        Date now = new Date();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE, now,
                new Date(now.getTime() + 86_400_000L), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }
}
