package cn.econtract.pki;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.crypto.SigningKeyStore;
import cn.econtract.app.pki.CertificateAuthority;
import cn.econtract.app.pki.HolderType;
import cn.econtract.app.pki.IssuedCertificate;
import cn.econtract.support.Http;
import cn.econtract.support.Tools;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 5, PKI: a root → issuing CA hierarchy, one certificate per person and organisation with its
 * key in the key store, revocation published by CRL and OCSP — checked with OpenSSL, an independent
 * implementation, the way a relying party would.
 */
abstract class PkiScenarios {

    @LocalServerPort
    int port;
    @Autowired
    CertificateAuthority ca;
    @Autowired
    SigningKeyStore keys;
    @TempDir
    Path dir;

    @Test
    void aPersonGetsTheirOwnCertificateUnderTheIssuingCaAndOpenSslVerifiesTheChain() throws Exception {
        String user = "signer" + UUID.randomUUID().toString().substring(0, 8);
        IssuedCertificate issued = ca.certificateFor(HolderType.PERSON, user, "王小采", user);
        X509Certificate cert = issued.certificate();
        assertThat(issued.subject()).isEqualTo("C=CN,O=econtract,SERIALNUMBER=" + user + ",CN=王小采");
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=王小采");
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(cert.getKeyUsage()[1]).as("nonRepudiation").isTrue();
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(ca.certificateFor(HolderType.PERSON, user, "王小采", user).serial()).as("reused while valid").isEqualTo(issued.serial());
        IssuedCertificate company = ca.certificateFor(HolderType.ORGANISATION, "91310000132212345X", "华东机械制造股份有限公司",
                "91310000132212345X");
        assertThat(company.certificate().getPublicKey()).isNotEqualTo(cert.getPublicKey());

        // the key is in the store and signs there; the certificate's public key checks it
        byte[] data = "合同摘要".getBytes(StandardCharsets.UTF_8);
        Signature check = Signature.getInstance("SHA256withECDSA");
        check.initVerify(cert.getPublicKey());
        check.update(data);
        assertThat(check.verify(keys.signWith(issued.keyAlias(), data))).isTrue();
        assertThat(keys.chain(issued.keyAlias())).hasSize(3);

        write("person.pem", cert);
        write("issuing.pem", ca.issuingChain().get(0));
        write("root.pem", ca.root());
        Tools.Result verify = Tools.run(dir, 30, "/usr/bin/openssl", "verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem",
                "-purpose", "any", "person.pem");
        assertThat(verify.output()).contains("person.pem: OK");
    }

    @Test
    void revocationIsPublishedByOcspAndCrlToAnonymousRelyingParties() throws Exception {
        String user = "leaver" + UUID.randomUUID().toString().substring(0, 8);
        IssuedCertificate issued = ca.certificateFor(HolderType.PERSON, user, "离职员工", user);
        write("person.pem", issued.certificate());
        Files.write(dir.resolve("issuing.der"), get("/pki/issuing-ca.crt"));
        Files.write(dir.resolve("root.der"), get("/pki/root-ca.crt"));
        assertThat(Tools.run(dir, 30, "/usr/bin/openssl", "x509", "-inform", "DER", "-in", "issuing.der", "-out", "issuing.pem").exitCode()).isZero();
        assertThat(Tools.run(dir, 30, "/usr/bin/openssl", "x509", "-inform", "DER", "-in", "root.der", "-out", "root.pem").exitCode()).isZero();

        assertThat(ocsp().output()).contains("person.pem: good");

        HttpResponse<String> denied = Http.basic(port, "drafter", "demo").post("/api/v1/admin/pki/certificates/" + issued.serial() + "/revoke",
                Map.of("reason", "KEY_COMPROMISE"));
        assertThat(denied.statusCode()).isEqualTo(403);
        Http admin = Http.basic(port, "admin", "demo");
        assertThat(admin.post("/api/v1/admin/pki/certificates/" + issued.serial() + "/revoke", Map.of("reason", "LOST")).statusCode()).isEqualTo(400);
        assertThat(admin.post("/api/v1/admin/pki/certificates/00ff/revoke", Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> revoked = admin.post("/api/v1/admin/pki/certificates/" + issued.serial() + "/revoke",
                Map.of("reason", "KEY_COMPROMISE"));
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(admin.post("/api/v1/admin/pki/certificates/" + issued.serial() + "/revoke", Map.of()).statusCode()).isEqualTo(409);

        Tools.Result afterRevocation = ocsp();
        assertThat(afterRevocation.output()).contains("person.pem: revoked", "keyCompromise");

        byte[] crlBytes = get("/pki/crl");
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(crlBytes));
        crl.verify(ca.issuingChain().get(0).getPublicKey());
        assertThat(crl.isRevoked(issued.certificate())).isTrue();
        Files.write(dir.resolve("crl.der"), crlBytes);
        assertThat(Tools.run(dir, 30, "/usr/bin/openssl", "crl", "-inform", "DER", "-in", "crl.der", "-out", "crl.pem").exitCode()).isZero();
        Tools.Result withCrl = Tools.run(dir, 30, "/usr/bin/openssl", "verify", "-crl_check", "-CAfile", "root.pem", "-untrusted",
                "issuing.pem", "-CRLfile", "crl.pem", "-purpose", "any", "person.pem");
        assertThat(withCrl.output()).contains("certificate revoked");

        assertThat(ca.certificateFor(HolderType.PERSON, user, "离职员工", user).serial()).as("a new certificate after revocation")
                .isNotEqualTo(issued.serial());
    }

    @Test
    void aMalformedOcspRequestGetsTheProtocolsOwnErrorAndNothingIsSigned() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/pki/ocsp"))
                .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new OCSPResp(response.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(new OCSPResp(response.body()).getResponseObject()).isNull();
    }

    private Tools.Result ocsp() {
        return Tools.run(dir, 30, "/usr/bin/openssl", "ocsp", "-issuer", "issuing.pem", "-cert", "person.pem",
                "-url", "http://localhost:" + port + "/pki/ocsp", "-CAfile", "root.pem");
    }

    private byte[] get(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path + " without an account").isEqualTo(200);
        return r.body();
    }

    private void write(String name, X509Certificate certificate) throws Exception {
        Files.writeString(dir.resolve(name), cn.econtract.app.crypto.Pem.certificates(java.util.List.of(certificate)));
    }
}
