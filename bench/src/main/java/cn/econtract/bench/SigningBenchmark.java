package cn.econtract.bench;

import cn.econtract.app.crypto.CryptoProperties;
import cn.econtract.app.crypto.KeyAlgorithm;
import cn.econtract.app.crypto.Pkcs12KeyProvider;
import cn.econtract.app.document.FontLibrary;
import cn.econtract.app.document.PdfRenderer;
import cn.econtract.app.document.RenderingProperties;
import cn.econtract.app.seal.SealImage;
import cn.econtract.app.signing.PadesSigner;
import cn.econtract.app.signing.SignatureAppearance;
import cn.econtract.app.signing.SignatureRequest;
import cn.econtract.app.timestamp.EmbeddedTimeStampAuthority;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing a ten-page contract (the PdfRenderBenchmark document): the platform's PAdES signer with
 * the key in the PKCS#12 key store and a signature time-stamp from the built-in authority (B-T),
 * a batch of 100 such signatures, and — the same file, same curve — raw PDFBox + Bouncy Castle CMS
 * with the private key in memory and no time-stamp, the floor the overhead is measured against.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 4, time = 10)
@Fork(1)
public class SigningBenchmark {

    private byte[] pdf;
    private PadesSigner signer;
    private byte[] seal;
    private KeyPair rawKey;
    private X509Certificate rawCertificate;

    @Setup
    public void setUp() throws Exception {
        pdf = new PdfRenderer(new FontLibrary(new RenderingProperties(null, null))).render(PdfRenderBenchmark.tenPages());
        Pkcs12KeyProvider keys = new Pkcs12KeyProvider(new CryptoProperties(
                Files.createTempDirectory("signing-bench").resolve("kek.p12"), "bench-only-password", true));
        var publicKey = keys.keyPair("person-bench", KeyAlgorithm.EC_P256);
        KeyPair ca = KeyPairGenerator.getInstance("EC").generateKeyPair();
        keys.certify("person-bench", List.of(certificate(publicKey, ca), certificate(ca.getPublic(), ca)));
        var sm2Key = keys.keyPair("person-bench-sm2", KeyAlgorithm.SM2);
        keys.certify("person-bench-sm2", List.of(certificate(sm2Key, ca), certificate(ca.getPublic(), ca)));
        seal = SealImage.draw("上海精工机床有限公司", "合同专用章", "3101150012345", size -> new java.awt.Font(java.awt.Font.SANS_SERIF,
                java.awt.Font.PLAIN, Math.round(size)));
        signer = new PadesSigner(keys, new EmbeddedTimeStampAuthority(keys, "2.25.184561327102548330870546436917389153219",
                Clock.systemUTC()));
        rawKey = KeyPairGenerator.getInstance("EC").generateKeyPair();
        rawCertificate = certificate(rawKey.getPublic(), rawKey);
    }

    @Benchmark
    public byte[] padesWithTimeStamp() {
        return signer.sign(pdf, new SignatureRequest("person-bench", "王小采", "甲方签署", "上海", true, Instant.now()));
    }

    /** What a seal custodian's signature costs: the seal on the last page and a 骑缝章 strip on each of the ten pages. */
    @Benchmark
    public byte[] padesWithSealAndCrossPageSeal() {
        return signer.sign(pdf, new SignatureRequest("person-bench", "上海精工机床有限公司", "我方盖章", "上海", true, Instant.now(), 3),
                new SignatureAppearance(seal, true, 0, "signer-1-1"));
    }

    /** SM2 with SM3 (the national algorithms, Bouncy Castle). */
    @Benchmark
    public byte[] padesSm2WithTimeStamp() {
        return signer.sign(pdf, new SignatureRequest("person-bench-sm2", "王小采", "甲方签署", "上海", true, Instant.now()));
    }

    @Benchmark
    public int batchOf100() {
        int bytes = 0;
        for (int i = 0; i < 100; i++) {
            bytes += signer.sign(pdf, new SignatureRequest("person-bench", "王小采", "甲方签署", "上海", true, Instant.now())).length;
        }
        return bytes;
    }

    @Benchmark
    public byte[] rawPdfBoxAndBouncyCastle() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setSignDate(Calendar.getInstance());
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(24_000);
            document.addSignature(signature, content -> {
                try {
                    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                    generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(rawKey.getPrivate()), rawCertificate));
                    generator.addCertificates(new JcaCertStore(List.of(rawCertificate)));
                    return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
                } catch (Exception e) {
                    throw new java.io.IOException(e);
                }
            }, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 50_000);
            document.saveIncremental(out);
            options.close();
            return out.toByteArray();
        }
    }

    private static X509Certificate certificate(java.security.PublicKey subject, KeyPair issuer) throws Exception {
        X500Name name = new X500Name("CN=bench");
        return cn.econtract.app.crypto.Certificates.of(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                new Date(), new Date(System.currentTimeMillis() + 86_400_000L), name, subject)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }
}
