package cn.econtract.app.pki;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What relying parties fetch without an account — the CA certificates, the CRL, the OCSP responder
 * (public by nature: a PDF reader checks a signature years later) — and the administrators' view.
 */
@RestController
@Tag(name = "PKI", description = "CA 证书、CRL、OCSP；证书管理 CA certificates, CRL, OCSP; certificate administration")
class PkiController {

    static final MediaType CERT = MediaType.parseMediaType("application/pkix-cert");
    static final int MAX_OCSP_REQUEST = 8192;

    private final CertificateAuthority ca;
    private final OcspResponder ocsp;

    PkiController(CertificateAuthority ca, OcspResponder ocsp) {
        this.ca = ca;
        this.ocsp = ocsp;
    }

    @GetMapping(path = "/pki/root-ca.crt", produces = "application/pkix-cert")
    @Operation(summary = "The root CA certificate (DER): what a relying party trusts")
    ResponseEntity<byte[]> root() throws CertificateEncodingException {
        return ResponseEntity.ok().contentType(CERT).body(ca.root().getEncoded());
    }

    @GetMapping(path = "/pki/issuing-ca.crt", produces = "application/pkix-cert")
    @Operation(summary = "The issuing CA certificate (DER), named in every certificate's CA-issuers address")
    ResponseEntity<byte[]> issuing() throws CertificateEncodingException {
        return ResponseEntity.ok().contentType(CERT).body(ca.issuingChain().get(0).getEncoded());
    }

    @GetMapping(path = "/pki/crl", produces = "application/pkix-crl")
    @Operation(summary = "The issuing CA's certificate revocation list (DER), valid one day")
    ResponseEntity<byte[]> crl() throws CRLException {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkix-crl")).body(ca.crl().getEncoded());
    }

    @PostMapping(path = "/pki/ocsp", consumes = "application/ocsp-request", produces = "application/ocsp-response")
    @Operation(summary = "OCSP responder (RFC 6960)")
    ResponseEntity<byte[]> ocsp(@RequestBody byte[] request) {
        if (request.length > MAX_OCSP_REQUEST) {
            throw new BusinessException(ErrorCode.PAYLOAD_TOO_LARGE, "error.pki.ocspTooLarge", MAX_OCSP_REQUEST);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/ocsp-response")).body(ocsp.respond(request));
    }

    record CertificateLine(String serial, HolderType holderType, String holderId, String subject, Instant notBefore,
                           Instant notAfter, Instant revokedAt, String revocationReason) {
        static CertificateLine of(IssuedCertificate c) {
            return new CertificateLine(c.serial(), c.holderType(), c.holderId(), c.subject(), c.notBefore(), c.notAfter(),
                    c.revokedAt(), c.revocationReason());
        }
    }

    @GetMapping("/api/v1/admin/pki/certificates")
    @Operation(summary = "Certificates the platform issued, newest first (permission admin)")
    List<CertificateLine> certificates(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return ca.list(Math.max(0, page), Math.min(Math.max(1, size), 200)).stream().map(CertificateLine::of).toList();
    }

    @PostMapping("/api/v1/admin/pki/certificates/{serial}/revoke")
    @Operation(summary = "Revoke a certificate (reason: UNSPECIFIED, KEY_COMPROMISE, AFFILIATION_CHANGED, SUPERSEDED, "
            + "CESSATION_OF_OPERATION); CRL and OCSP say so at once (permission admin)")
    CertificateLine revoke(@PathVariable String serial, @RequestBody(required = false) Map<String, String> body) {
        return CertificateLine.of(ca.revoke(serial, body == null ? null : body.get("reason")));
    }
}
