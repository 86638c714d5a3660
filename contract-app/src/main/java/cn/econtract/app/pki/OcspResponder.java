package cn.econtract.app.pki;

import cn.econtract.app.crypto.KeyAlgorithm;
import cn.econtract.app.crypto.ProviderContentSigner;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Service;

/**
 * The issuing CA's OCSP responder (RFC 6960), signing its answers with the issuing CA key itself
 * (allowed: the CA is the certificates' issuer). Good, revoked (time and reason) or unknown per
 * serial; a request's nonce is echoed; a request that does not parse gets the protocol's own
 * malformedRequest answer.
 */
@Service
public class OcspResponder {

    private final CertificateAuthority ca;
    private final Clock clock;

    OcspResponder(CertificateAuthority ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    public byte[] respond(byte[] request) {
        try {
            OCSPReq parsed;
            try {
                parsed = new OCSPReq(request);
            } catch (IOException | RuntimeException e) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            return answer(parsed).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("cannot build OCSP response", e);
        }
    }

    private OCSPResp answer(OCSPReq request) throws OCSPException {
        List<X509Certificate> chain = ca.issuingChain();
        try {
            X509CertificateHolder issuer = new JcaX509CertificateHolder(chain.get(0));
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(chain.get(0).getPublicKey(),
                    digests.get(CertificateID.HASH_SHA1));
            Instant now = clock.instant();
            for (Req req : request.getRequestList()) {
                CertificateID id = req.getCertID();
                builder.addResponse(id, status(id, issuer, digests), Date.from(now), Date.from(now.plus(Duration.ofHours(12))), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(new ProviderContentSigner(ca.keys(), CertificateAuthority.ISSUING, ca.algorithmOf(CertificateAuthority.ISSUING)),
                    new X509CertificateHolder[] {issuer}, Date.from(now));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
        } catch (CertificateEncodingException | OperatorCreationException e) {
            throw new OCSPException("responder not usable: " + e.getMessage(), e);
        }
    }

    private CertificateStatus status(CertificateID id, X509CertificateHolder issuer, DigestCalculatorProvider digests)
            throws OCSPException {
        if (!id.matchesIssuer(issuer, digests)) {
            return new UnknownStatus();
        }
        Optional<IssuedCertificate> known = ca.find(id.getSerialNumber().toString(16));
        if (known.isEmpty()) {
            return new UnknownStatus();
        }
        if (known.get().revoked()) {
            return new RevokedStatus(Date.from(known.get().revokedAt()),
                    CertificateAuthority.reasonCode(known.get().revocationReason()));
        }
        return CertificateStatus.GOOD;
    }

}
