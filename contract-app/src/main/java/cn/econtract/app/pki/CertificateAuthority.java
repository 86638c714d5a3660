package cn.econtract.app.pki;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.crypto.KeyAlgorithm;
import cn.econtract.app.crypto.ProviderContentSigner;
import cn.econtract.app.crypto.SigningKeyStore;
import cn.econtract.app.kernel.BusinessException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The built-in CA hierarchy (embedded default): a root CA (20 years, offline in spirit: it signs only
 * the issuing CA) and an issuing CA (10 years) that certifies people and organisations, publishes
 * the CRL and answers OCSP. Keys are generated and used inside the signing key store. Every
 * certificate carries where to check it (CRL distribution point, OCSP and CA issuers addresses).
 */
@Service
@Order(0)
public class CertificateAuthority implements ApplicationRunner {

    static final String ROOT = "ca-root";
    static final String ISSUING = "ca-issuing";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Integer> REASONS = Map.of("UNSPECIFIED", CRLReason.unspecified,
            "KEY_COMPROMISE", CRLReason.keyCompromise, "AFFILIATION_CHANGED", CRLReason.affiliationChanged,
            "SUPERSEDED", CRLReason.superseded, "CESSATION_OF_OPERATION", CRLReason.cessationOfOperation);

    private final SigningKeyStore keys;
    private final IssuedCertificateRepository issued;
    private final PkiProperties properties;
    private final OperationLogService log;
    private final Clock clock;

    CertificateAuthority(SigningKeyStore keys, IssuedCertificateRepository issued, PkiProperties properties,
                         OperationLogService log, Clock clock) {
        this.keys = keys;
        this.issued = issued;
        this.properties = properties;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        issuingChain();
    }

    /** Issuing CA first, root last; created on first use. */
    public synchronized List<X509Certificate> issuingChain() {
        List<X509Certificate> chain = keys.chain(ISSUING);
        if (!chain.isEmpty()) {
            return chain;
        }
        X509Certificate root = keys.chain(ROOT).isEmpty() ? createRoot() : keys.chain(ROOT).get(0);
        PublicKey publicKey = keys.keyPair(ISSUING, caAlgorithm());
        Instant now = now();
        X500Name subject = name("econtract Issuing CA " + properties.organisation());
        X509Certificate issuing = sign(ROOT, root, new JcaX509v3CertificateBuilder(root, serial(), Date.from(now),
                Date.from(now.atOffset(ZoneOffset.UTC).plusYears(10).toInstant()), subject, publicKey), publicKey,
                new BasicConstraints(0), KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature, false);
        keys.certify(ISSUING, List.of(issuing, root));
        return List.of(issuing, root);
    }

    public X509Certificate root() {
        List<X509Certificate> chain = issuingChain();
        return chain.get(chain.size() - 1);
    }

    /**
     * The holder's current certificate, or a new one (key generated in the store under
     * {@code person-<id>} / {@code organisation-<id>}). Call only after the holder's identity was
     * verified for what they are about to sign.
     */
    @Transactional
    public IssuedCertificate certificateFor(HolderType type, String holderId, String displayName, String identifier) {
        return issued.current(type, holderId, now()).orElseGet(() -> issue(type, holderId, displayName, identifier));
    }

    private IssuedCertificate issue(HolderType type, String holderId, String displayName, String identifier) {
        List<X509Certificate> caChain = issuingChain();
        X509Certificate ca = caChain.get(0);
        String alias = type.name().toLowerCase(java.util.Locale.ROOT) + "-" + holderId;
        PublicKey publicKey = keys.keyPair(alias, properties.algorithm());
        Instant now = now();
        Instant notAfter = now.atOffset(ZoneOffset.UTC).plus(type == HolderType.PERSON ? properties.personValidity()
                : properties.organisationValidity()).toInstant();
        X500NameBuilder names = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN");
        names.addRDN(BCStyle.O, type == HolderType.ORGANISATION ? displayName : properties.organisation());
        X500Name subject = names.addRDN(BCStyle.SERIALNUMBER, identifier).addRDN(BCStyle.CN, displayName).build();
        X509Certificate certificate = sign(ISSUING, ca, new JcaX509v3CertificateBuilder(ca, serial(), Date.from(now),
                Date.from(notAfter), subject, publicKey), publicKey, new BasicConstraints(false),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, true);
        keys.certify(alias, List.of(certificate, caChain.get(0), caChain.get(1)));
        IssuedCertificate record = new IssuedCertificate(certificate.getSerialNumber().toString(16), type, holderId,
                subject.toString(), alias, now, notAfter, certificate, "ca-issuing", null, null);
        issued.insert(record);
        log.record(OperationRecord.success(null, OperationAction.CREATE, "certificate", record.serial())
                .withDetail(type + " " + holderId + " " + record.subject()));
        return record;
    }

    /** Revokes a certificate; the CRL and OCSP say so from now on. 404 unknown, 409 already revoked. */
    @Transactional
    public IssuedCertificate revoke(String serial, String reason) {
        String why = reason == null ? "UNSPECIFIED" : reason;
        if (!REASONS.containsKey(why)) {
            throw new BusinessException(cn.econtract.app.kernel.ErrorCode.VALIDATION_FAILED, "error.pki.reason",
                    String.join(", ", REASONS.keySet()));
        }
        IssuedCertificate certificate = issued.find(serial).orElseThrow(() -> BusinessException.notFound("certificate", serial));
        if (!issued.revoke(serial, now(), why)) {
            throw BusinessException.stateConflict("error.pki.alreadyRevoked", serial);
        }
        log.record(OperationRecord.success(null, OperationAction.STATUS_CHANGE, "certificate", serial)
                .withDetail("revoked " + why + " " + certificate.subject()));
        return issued.find(serial).orElseThrow();
    }

    public java.util.Optional<IssuedCertificate> find(String serial) {
        return issued.find(serial);
    }

    public List<IssuedCertificate> list(int page, int size) {
        return issued.all(page * size, size);
    }

    /** The issuing CA's CRL, valid one day, signed now. */
    public X509CRL crl() {
        X509Certificate ca = issuingChain().get(0);
        Instant now = now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        for (IssuedCertificate revoked : issued.revoked()) {
            builder.addCRLEntry(new BigInteger(revoked.serial(), 16), Date.from(revoked.revokedAt()),
                    reasonCode(revoked.revocationReason()));
        }
        try {
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
            return new JcaX509CRLConverter().getCRL(builder.build(new ProviderContentSigner(keys, ISSUING, algorithmOf(ISSUING))));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot sign the CRL", e);
        }
    }

    /** The RFC 5280 CRLReason code of a stored revocation reason (CRL entries and OCSP answers). */
    static int reasonCode(String reason) {
        return REASONS.getOrDefault(reason, CRLReason.unspecified);
    }

    SigningKeyStore keys() {
        return keys;
    }

    /** The CA's own keys: SM2 for a national-algorithm hierarchy, else ECDSA P-256 (also under RSA end entities). */
    private KeyAlgorithm caAlgorithm() {
        return properties.algorithm() == KeyAlgorithm.SM2 ? KeyAlgorithm.SM2 : KeyAlgorithm.EC_P256;
    }

    /** What a CA key signs with: whatever that key is, also after the configured algorithm changed. */
    KeyAlgorithm algorithmOf(String alias) {
        return KeyAlgorithm.of(keys.keyPair(alias, caAlgorithm()));
    }

    private X509Certificate createRoot() {
        PublicKey publicKey = keys.keyPair(ROOT, caAlgorithm());
        Instant now = now();
        X500Name subject = name("econtract Root CA " + properties.organisation());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now),
                Date.from(now.atOffset(ZoneOffset.UTC).plusYears(20).toInstant()), subject, publicKey);
        X509Certificate root = sign(ROOT, null, builder, publicKey, new BasicConstraints(1), KeyUsage.keyCertSign | KeyUsage.cRLSign, false);
        keys.certify(ROOT, List.of(root));
        return root;
    }

    private X509Certificate sign(String signerAlias, X509Certificate issuer, X509v3CertificateBuilder builder, PublicKey subjectKey,
                                 BasicConstraints constraints, int usage, boolean endEntity) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, constraints);
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
            }
            if (endEntity) {
                String base = properties.publicUrl() + "/pki/";
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, base + "crl"))), null, null)}));
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                        new AccessDescription(AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, base + "ocsp")),
                        new AccessDescription(AccessDescription.id_ad_caIssuers,
                                new GeneralName(GeneralName.uniformResourceIdentifier, base + "issuing-ca.crt"))}));
            }
            X509CertificateHolder holder = builder.build(new ProviderContentSigner(keys, signerAlias, algorithmOf(signerAlias)));
            return cn.econtract.app.crypto.Certificates.of(holder);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot issue certificate", e);
        }
    }

    private X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.O, properties.organisation())
                .addRDN(BCStyle.CN, commonName).build();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);  // positive, 16 bytes, never a leading zero
    }
}
