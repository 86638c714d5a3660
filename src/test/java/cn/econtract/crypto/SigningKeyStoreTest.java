package cn.econtract.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.crypto.CryptoProperties;
import cn.econtract.app.crypto.KeyAlgorithm;
import cn.econtract.app.crypto.Pkcs12KeyProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v1CertificateBuilder;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing keys in the PKCS#12 store: made inside, used inside, certified by a matching certificate only, kept across restarts. */
class SigningKeyStoreTest {

    @TempDir
    Path dir;

    private Pkcs12KeyProvider open() {
        return new Pkcs12KeyProvider(new CryptoProperties(dir.resolve("kek.p12"), "test-only-password", true));
    }

    @Test
    void ecAndRsaKeysSignInsideAndTheirPublicKeysCheckTheSignature() throws Exception {
        Pkcs12KeyProvider keys = open();
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            PublicKey publicKey = keys.keyPair("person-" + algorithm, algorithm);
            byte[] data = "甲方签署".getBytes(StandardCharsets.UTF_8);
            Signature check = Signature.getInstance(algorithm.signatureAlgorithm());
            check.initVerify(publicKey);
            check.update(data);
            assertThat(check.verify(keys.signWith("person-" + algorithm, data))).as(algorithm.name()).isTrue();
            assertThat(keys.keyPair("person-" + algorithm, algorithm)).as("same key on the second call").isEqualTo(publicKey);
        }
        assertThat(keys.keyPair("person-RSA_3072", KeyAlgorithm.RSA_3072).getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void onlyACertificateForTheKeyCertifiesItAndTheChainSurvivesARestart() throws Exception {
        Pkcs12KeyProvider keys = open();
        PublicKey publicKey = keys.keyPair("organisation-1", KeyAlgorithm.EC_P256);
        assertThat(keys.chain("organisation-1")).isEmpty();

        var other = KeyPairGenerator.getInstance("EC").generateKeyPair();
        assertThatThrownBy(() -> keys.certify("organisation-1", List.of(certificate(other.getPublic(), other))))
                .isInstanceOf(IllegalArgumentException.class);

        var signer = KeyPairGenerator.getInstance("EC").generateKeyPair();
        X509Certificate mine = certificate(publicKey, signer);
        keys.certify("organisation-1", List.of(mine));
        assertThat(open().chain("organisation-1")).containsExactly(mine);
        assertThat(open().chain("nobody")).isEmpty();
    }

    private static X509Certificate certificate(PublicKey subjectKey, java.security.KeyPair issuer) throws Exception {
        X500Name name = new X500Name("CN=test");
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v1CertificateBuilder(name, java.math.BigInteger.TEN,
                new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 86_400_000L), name, subjectKey)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }
}
