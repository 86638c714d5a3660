package cn.econtract.app.timestamp;

import cn.econtract.app.crypto.KeyEncryptionKeyProvider;
import cn.econtract.app.crypto.ProviderContentSigner;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The platform's own RFC 3161 authority (embedded default). The key stays in the key provider
 * (PKCS#12 here, an HSM later): the CMS signer hands it the signed attributes to sign. Tokens carry
 * ESSCertIDv2 (SHA-256), accuracy ±1 s, a random 64-bit serial and the authority's certificate.
 */
public class EmbeddedTimeStampAuthority implements TimeStampAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyEncryptionKeyProvider keys;
    private final ASN1ObjectIdentifier policy;
    private final Clock clock;

    public EmbeddedTimeStampAuthority(KeyEncryptionKeyProvider keys, String policy, Clock clock) {
        this.keys = keys;
        this.policy = new ASN1ObjectIdentifier(policy);
        this.clock = clock;
    }

    @Override
    public byte[] stamp(byte[] sha256) {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, RANDOM));
        try {
            TimeStampResponse response = respond(request);
            response.validate(request);
            byte[] token = response.getTimeStampToken().getEncoded();
            TimeStampTokens.Check check = TimeStampTokens.verify(token, sha256);
            if (!check.valid()) {
                throw new IllegalStateException("own time-stamp does not verify: " + check.problem());
            }
            return token;
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("time-stamping failed", e);
        }
    }

    /** Answers a request as RFC 3161 says: granted with a token, or rejected with a reason. */
    public TimeStampResponse respond(TimeStampRequest request) throws TSPException {
        X509Certificate certificate = keys.signingCertificate(KeyEncryptionKeyProvider.TIME_STAMPING);
        try {
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new ProviderContentSigner(keys, KeyEncryptionKeyProvider.TIME_STAMPING), certificate);
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer, sha256, policy);
            tokens.setAccuracySeconds(1);
            tokens.addCertificates(new JcaCertStore(List.of(certificate)));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            return responses.generate(request, new BigInteger(64, RANDOM), Date.from(clock.instant()));
        } catch (OperatorCreationException | CertificateEncodingException e) {
            throw new TSPException("time-stamp authority not usable: " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return keys.signingCertificate(KeyEncryptionKeyProvider.TIME_STAMPING);
    }

    @Override
    public String describe() {
        return "embedded";
    }
}
