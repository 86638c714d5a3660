package cn.econtract.signing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.pki.CertificateAuthority;
import cn.econtract.app.pki.HolderType;
import cn.econtract.app.pki.IssuedCertificate;
import cn.econtract.app.signing.PadesSigner;
import cn.econtract.app.signing.SignatureRequest;
import cn.econtract.support.Http;
import cn.econtract.support.OnH2;
import cn.econtract.support.PurchaseDraft;
import cn.econtract.support.Tools;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 5, first piece: a contract PDF signed by two parties with their own certificates, the first
 * certifying it, each signature time-stamped — checked with Poppler's pdfsig and OpenSSL, and one
 * flipped byte is reported.
 */
@OnH2
class PadesSigningH2IT {

    @LocalServerPort
    int port;
    @Autowired
    PadesSigner signer;
    @Autowired
    CertificateAuthority ca;
    @Autowired
    cn.econtract.app.signing.LongTermValidation ltv;
    @TempDir
    Path dir;

    @Test
    void twoSignersEachWithTheirOwnCertificateAndTimeStampPassPdfsigAndOpenSsl() throws Exception {
        String id = PurchaseDraft.create(Http.basic(port, "drafter", "demo"), "88000", "签署测试" + UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        byte[] pdf = Http.basic(port, "drafter", "demo").getBytes("/api/v1/contracts/" + id + "/document").body();

        IssuedCertificate buyer = ca.certificateFor(HolderType.PERSON, "drafter", "王小采", "drafter");
        IssuedCertificate seller = ca.certificateFor(HolderType.ORGANISATION, "91310115MA1H7GXX2K", "上海精工机床有限公司",
                "91310115MA1H7GXX2K");
        byte[] once = signer.sign(pdf, new SignatureRequest(buyer.keyAlias(), "王小采", "甲方签署", "上海", true, Instant.now()));
        byte[] twice = signer.sign(once, new SignatureRequest(seller.keyAlias(), "上海精工机床有限公司", "乙方盖章", "上海", true,
                Instant.now()));

        String report = Tools.pdfSignatures(twice);
        assertThat(report).contains("Signature #1", "Signature #2", "ETSI.CAdES.detached", "王小采", "上海精工机床有限公司");
        assertThat(report.split("Signature is Valid", -1)).as(report).hasSize(3);
        assertThat(report).as("the last signature covers the whole file").contains("Total document signed");

        try (PDDocument document = Loader.loadPDF(twice)) {
            PDSignature first = document.getSignatureDictionaries().get(0);
            assertThat(document.getDocumentCatalog().getCOSObject().getCOSDictionary(org.apache.pdfbox.cos.COSName.PERMS))
                    .as("the first signature certifies the document (DocMDP)").isNotNull();
            // the signature time-stamp: an RFC 3161 token over the signature value, accepted by OpenSSL
            CMSSignedData cms = new CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(first.getSignedContent(twice)),
                    first.getContents(twice));
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            assertThat(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(info.getSignedAttributes().get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime)).isNull();
            byte[] token = cn.econtract.app.signing.SignatureTimeStamps.tokenOf(info).orElseThrow();
            Files.write(dir.resolve("token.tsr"), token);
            assertThat(Tools.run(dir, 30, "/usr/bin/openssl", "pkcs7", "-inform", "DER", "-in", "token.tsr", "-print_certs",
                    "-out", "tsa.pem").exitCode()).isZero();
            String digest = cn.econtract.app.kernel.Sha256.hex(info.getSignature());
            Tools.Result verify = Tools.run(dir, 30, "/usr/bin/openssl", "ts", "-verify", "-digest", digest, "-in", "token.tsr",
                    "-token_in", "-CAfile", "tsa.pem");
            assertThat(verify.output()).contains("Verification: OK");
        }

        // long-term: validation material (certificates, OCSP, CRL) in the DSS, then a document time-stamp
        byte[] archived = ltv.archive(twice);
        String archivedReport = Tools.pdfSignatures(archived);
        // Poppler validates both signatures still; it does not validate document time-stamps, so we check that one
        assertThat(archivedReport.split("Signature is Valid", -1)).as(archivedReport).hasSize(3);
        assertThat(archivedReport).contains("Signature #3", "econtract platform tsa");
        try (PDDocument document = Loader.loadPDF(archived)) {
            org.apache.pdfbox.cos.COSDictionary dss = document.getDocumentCatalog().getCOSObject()
                    .getCOSDictionary(org.apache.pdfbox.cos.COSName.getPDFName("DSS"));
            assertThat(dss).isNotNull();
            assertThat(dss.getCOSArray(org.apache.pdfbox.cos.COSName.getPDFName("Certs")).size()).isGreaterThanOrEqualTo(4);
            org.apache.pdfbox.cos.COSArray ocsps = dss.getCOSArray(org.apache.pdfbox.cos.COSName.getPDFName("OCSPs"));
            assertThat(ocsps.size()).isEqualTo(2);
            for (int i = 0; i < ocsps.size(); i++) {
                byte[] response;
                try (var in = ((org.apache.pdfbox.cos.COSStream) ocsps.getObject(i)).createInputStream()) {
                    response = in.readAllBytes();
                }
                var basic = (org.bouncycastle.cert.ocsp.BasicOCSPResp) new org.bouncycastle.cert.ocsp.OCSPResp(response).getResponseObject();
                assertThat(basic.getResponses()[0].getCertStatus()).as("GOOD").isNull();
                assertThat(basic.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                        .build(ca.issuingChain().get(0).getPublicKey()))).isTrue();
            }
            assertThat(dss.getCOSDictionary(org.apache.pdfbox.cos.COSName.getPDFName("VRI")).size()).isEqualTo(2);
            assertThat(document.getSignatureDictionaries()).hasSize(3);
            PDSignature stamp = document.getSignatureDictionaries().get(2);
            assertThat(stamp.getSubFilter()).isEqualTo("ETSI.RFC3161");
            byte[] covered = cn.econtract.app.kernel.Sha256.digest(stamp.getSignedContent(archived));
            var check = cn.econtract.app.timestamp.TimeStampTokens.verify(stamp.getContents(archived), covered);
            assertThat(check.valid()).as(check.problem()).isTrue();
            assertThat(stamp.getByteRange()[2] + stamp.getByteRange()[3]).as("covers the whole file").isEqualTo(archived.length);
        }

        // the verification API sees the same: two intact signatures by certificates of our CA, time-stamped,
        // the first certifying, and a document time-stamp covering the whole file
        Http auditor = Http.basic(port, "auditor", "demo");
        com.fasterxml.jackson.databind.JsonNode verified = Http.json(auditor.postMultipart("/api/v1/signatures/verify",
                java.util.Map.of(), "signed.pdf", archived));
        assertThat(verified.get("signatures").asInt()).as(verified.toString()).isEqualTo(3);
        assertThat(verified.get("valid").asBoolean()).isTrue();
        com.fasterxml.jackson.databind.JsonNode firstCheck = verified.get("checks").get(0);
        assertThat(firstCheck.get("intact").asBoolean()).isTrue();
        assertThat(firstCheck.get("certifies").asBoolean()).isTrue();
        assertThat(firstCheck.get("issuedByPlatform").asBoolean()).isTrue();
        assertThat(firstCheck.get("revoked").asBoolean()).isFalse();
        assertThat(firstCheck.has("timeStamp")).isTrue();
        assertThat(firstCheck.get("signer").asText()).contains("王小采");
        assertThat(verified.get("checks").get(2).get("documentTimeStamp").asBoolean()).isTrue();
        assertThat(verified.get("checks").get(2).get("coversWholeDocument").asBoolean()).isTrue();

        // one flipped byte inside the signed text
        byte[] tampered = twice.clone();
        int at = new String(tampered, StandardCharsets.ISO_8859_1).indexOf("/Producer");
        at = at > 0 ? at + 12 : pdf.length / 2;
        tampered[at] ^= 0x01;
        assertThat(Tools.pdfSignatures(tampered).split("Signature is Valid", -1).length).isLessThan(3);
        com.fasterxml.jackson.databind.JsonNode broken = Http.json(auditor.postMultipart("/api/v1/signatures/verify",
                java.util.Map.of(), "signed.pdf", tampered));
        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.get("checks").get(0).get("intact").asBoolean()).isFalse();
        assertThat(broken.get("checks").get(0).get("problem").asText()).contains("changed");

        // not a PDF, or a broken one: a clear 4xx, nothing else
        assertThat(auditor.postMultipart("/api/v1/signatures/verify", java.util.Map.of(), "contract.txt",
                "合同".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(415);
        HttpResponse<String> malformed = auditor.postMultipart("/api/v1/signatures/verify", java.util.Map.of(), "broken.pdf",
                "%PDF-1.7 nothing else".getBytes(StandardCharsets.US_ASCII));
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(Http.anonymous(port).postMultipart("/api/v1/signatures/verify", java.util.Map.of(), "signed.pdf", archived)
                .statusCode()).isIn(401, 403);
    }
}
