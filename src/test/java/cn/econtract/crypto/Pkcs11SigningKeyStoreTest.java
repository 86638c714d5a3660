package cn.econtract.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.crypto.CryptoProperties;
import cn.econtract.app.crypto.KeyAlgorithm;
import cn.econtract.app.crypto.Pkcs11Properties;
import cn.econtract.app.crypto.Pkcs11SigningKeyStore;
import cn.econtract.app.crypto.Pkcs12KeyProvider;
import cn.econtract.app.signing.PadesSigner;
import cn.econtract.app.signing.SignatureRequest;
import cn.econtract.app.timestamp.EmbeddedTimeStampAuthority;
import cn.econtract.support.Tools;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HSM adapter on a real PKCS#11 token: SoftHSM2, initialised by this test, reached through the
 * JDK's SunPKCS11 provider. The key is generated on the token, is not extractable, and signs a PDF
 * that Poppler's pdfsig validates.
 */
class Pkcs11SigningKeyStoreTest {

    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static Pkcs11SigningKeyStore token;

    @TempDir
    Path dir;

    @BeforeAll
    static void token() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new AssertionError("SOFTHSM2_CONF is not set: run through Maven (surefire sets it) or export it");
        }
        if (!Files.isRegularFile(LIBRARY)) {
            throw new AssertionError(LIBRARY + " is missing: install it (Debian: apt-get install softhsm2); .ci/run installs it");
        }
        Path tokens = Path.of(conf).resolveSibling("tokens");
        if (Files.exists(tokens)) {
            Tools.deleteTree(tokens);
        }
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\n");
        Tools.Result init = Tools.run(tokens, 60, "/usr/bin/softhsm2-util", "--init-token", "--free", "--label", "econtract-test",
                "--pin", "4711", "--so-pin", "0815");
        assertThat(init.exitCode()).as(init.output()).isZero();
        token = new Pkcs11SigningKeyStore(new Pkcs11Properties(LIBRARY, 0, "4711", tokens.resolveSibling("chains")));
    }

    @Test
    void aKeyMadeOnTheTokenStaysThereSignsAndCarriesItsChain() throws Exception {
        PublicKey publicKey = token.keyPair("person-hsm", KeyAlgorithm.EC_P256);
        assertThat(token.keyPair("person-hsm", KeyAlgorithm.EC_P256)).isEqualTo(publicKey);
        assertThat(token.chain("person-hsm")).isEmpty();

        List<X509Certificate> chain = certify(publicKey);
        token.certify("person-hsm", chain);
        assertThat(token.chain("person-hsm")).containsExactlyElementsOf(chain);

        byte[] data = "甲方签署".getBytes(StandardCharsets.UTF_8);
        Signature check = Signature.getInstance("SHA256withECDSA");
        check.initVerify(publicKey);
        check.update(data);
        assertThat(check.verify(token.signWith("person-hsm", data))).isTrue();
    }

    @Test
    void aPdfSignedWithTheTokensKeyPassesPdfsig() throws Exception {
        PublicKey publicKey = token.keyPair("organisation-hsm", KeyAlgorithm.EC_P256);
        token.certify("organisation-hsm", certify(publicKey));
        Pkcs12KeyProvider platform = new Pkcs12KeyProvider(new CryptoProperties(dir.resolve("kek.p12"), "test-only-password", true));
        PadesSigner signer = new PadesSigner(token, new EmbeddedTimeStampAuthority(platform,
                "2.25.184561327102548330870546436917389153219", Clock.systemUTC()));

        byte[] signed = signer.sign(blankPdf(), new SignatureRequest("organisation-hsm", "华东机械制造股份有限公司", "合同专用章",
                "上海", true, Instant.now()));
        String report = Tools.pdfSignatures(signed);
        assertThat(report).contains("Signature is Valid", "ETSI.CAdES.detached", "Total document signed");
    }

    private static List<X509Certificate> certify(PublicKey subjectKey) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        KeyPair ca = generator.generateKeyPair();
        X500Name caName = new X500Name("CN=test CA");
        X509Certificate caCert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName,
                BigInteger.ONE, new Date(), new Date(System.currentTimeMillis() + 86_400_000L), caName, ca.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName,
                BigInteger.TWO, new Date(), new Date(System.currentTimeMillis() + 86_400_000L), new X500Name("CN=hsm signer"), subjectKey)
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate())));
        return List.of(cert, caCert);
    }

    private static byte[] blankPdf() throws Exception {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
