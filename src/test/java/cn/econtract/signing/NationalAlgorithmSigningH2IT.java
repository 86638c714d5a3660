package cn.econtract.signing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.ContractPlatformApplication;
import cn.econtract.app.crypto.KeyAlgorithm;
import cn.econtract.app.pki.CertificateAuthority;
import cn.econtract.app.pki.HolderType;
import cn.econtract.app.pki.IssuedCertificate;
import cn.econtract.app.signing.PadesSigner;
import cn.econtract.app.signing.SignatureRequest;
import cn.econtract.support.Http;
import cn.econtract.support.PurchaseDraft;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * SM2 with SM3 selected ({@code econtract.pki.algorithm=SM2}): the CA hierarchy and the signers'
 * keys are SM2, certificates and PAdES signatures use SM3withSM2 (OID 1.2.156.10197.1.501), and
 * our verification accepts them. Poppler's NSS does not know SM2, so this is checked with Bouncy
 * Castle only. Its own database (another CA must not meet the default one's records) and its own
 * engine name.
 */
@SpringBootTest(classes = ContractPlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:econtract-sm2;DB_CLOSE_DELAY=-1", "econtract.pki.algorithm=SM2",
                // Camunda keeps engines in a static registry by name: under the default name this second
                // application would take over /engine-rest and Tasklist of the shared test context
                "camunda.bpm.process-engine-name=sm2"})
@ActiveProfiles("test")
class NationalAlgorithmSigningH2IT {

    private static final String SM3_WITH_SM2 = "1.2.156.10197.1.501";

    @LocalServerPort
    int port;
    @Autowired
    CertificateAuthority ca;
    @Autowired
    PadesSigner signer;

    @Test
    void smTwoCertificatesAndSignaturesVerify() {
        List<X509Certificate> chain = ca.issuingChain();
        assertThat(chain).allSatisfy(c -> {
            assertThat(c.getSigAlgOID()).isEqualTo(SM3_WITH_SM2);
            assertThat(KeyAlgorithm.of(c.getPublicKey())).isEqualTo(KeyAlgorithm.SM2);
        });
        IssuedCertificate person = ca.certificateFor(HolderType.PERSON, "sm2signer", "国密签署人", "sm2signer");
        assertThat(person.certificate().getSigAlgOID()).isEqualTo(SM3_WITH_SM2);
        assertThat(KeyAlgorithm.of(person.certificate().getPublicKey())).isEqualTo(KeyAlgorithm.SM2);

        Http drafter = Http.basic(port, "drafter", "demo");
        String id = PurchaseDraft.create(drafter, "88000", "国密测试有限公司");
        byte[] pdf = drafter.getBytes("/api/v1/contracts/" + id + "/document").body();
        byte[] signed = signer.sign(pdf, new SignatureRequest(person.keyAlias(), "国密签署人", "甲方签署", "北京", true, Instant.now()));

        JsonNode report = Http.json(Http.basic(port, "auditor", "demo").postMultipart("/api/v1/signatures/verify", Map.of(),
                "sm2.pdf", signed));
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        JsonNode check = report.get("checks").get(0);
        assertThat(check.get("issuedByPlatform").asBoolean()).isTrue();
        assertThat(check.get("revoked").asBoolean()).isFalse();
        assertThat(check.has("timeStamp") && !check.get("timeStamp").isNull()).isTrue();

        byte[] tampered = signed.clone();
        tampered[200] ^= 0x01;
        assertThat(Http.json(Http.basic(port, "auditor", "demo").postMultipart("/api/v1/signatures/verify", Map.of(),
                "sm2.pdf", tampered)).get("valid").asBoolean()).isFalse();
    }
}
