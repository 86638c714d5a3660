package cn.econtract.app.signing;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * WebAuthn passkeys (S9): the signer's phone or laptop unlocks its key with the face or fingerprint
 * and signs our challenge; we keep the public key and counter, never a biometric. Registration
 * and every assertion are checked by webauthn4j: origin and relying party, our one-time challenge
 * (bound to what it authorises, e.g. one signature), user presence and user verification, the
 * signature and a counter that must move forward.
 */
@Service
public class Passkeys {

    static final Duration CHALLENGE_VALIDITY = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private final JdbcClient jdbc;
    private final OperationLogService log;
    private final SigningProperties properties;
    private final Clock clock;
    private final WebAuthnManager webauthn = WebAuthnManager.createNonStrictWebAuthnManager();
    private final AttestedCredentialDataConverter credentials = new AttestedCredentialDataConverter(new ObjectConverter());

    Passkeys(JdbcClient jdbc, OperationLogService log, SigningProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.log = log;
        this.properties = properties;
        this.clock = clock;
    }

    /** What navigator.credentials.create() or .get() needs (the client adds user and algorithms for create). */
    public record Options(String challengeId, String challenge, String rpId, String rpName, String userId, String userName,
                          List<Integer> algorithms, List<String> allowCredentials, long timeoutMs) {
    }

    public Options registrationOptions(String userId, String displayName) {
        String challengeId = newChallenge(userId, "register");
        return new Options(challengeId, challenge(challengeId), rpId(), "电子合同 econtract",
                B64.encodeToString(userId.getBytes(StandardCharsets.UTF_8)), displayName, List.of(-7, -257),
                credentialIds(userId), CHALLENGE_VALIDITY.toMillis());
    }

    /** Registers the credential from a PublicKeyCredential's JSON (registration response). */
    @Transactional
    public String register(String userId, String challengeId, String responseJson, String requestOrigin) {
        byte[] challenge = spend(challengeId, userId, "register");
        try {
            RegistrationData data = webauthn.verifyRegistrationResponseJSON(responseJson,
                    new RegistrationParameters(server(challenge, requestOrigin), ALGORITHMS, true, true));
            AttestedCredentialData attested = data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
            String credentialId = B64.encodeToString(attested.getCredentialId());
            jdbc.sql("INSERT INTO passkey (credential_id, user_id, credential, sign_count, created_at) VALUES (:id, :u, :c, :n, :at)")
                    .param("id", credentialId).param("u", userId)
                    .param("c", Base64.getEncoder().encodeToString(credentials.convert(attested)))
                    .param("n", data.getAttestationObject().getAuthenticatorData().getSignCount()).param("at", utc(clock.instant()))
                    .update();
            log.record(OperationRecord.success(userId, OperationAction.CREATE, "passkey", credentialId));
            return credentialId;
        } catch (VerificationException | com.webauthn4j.converter.exception.DataConversionException | IllegalArgumentException e) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.passkey.invalid", e.getClass().getSimpleName());
        }
    }

    /** A challenge for one assertion that authorises {@code purpose} (e.g. one signature). */
    public Options assertionOptions(String userId, String purpose) {
        List<String> allowed = credentialIds(userId);
        if (allowed.isEmpty()) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.passkey.none");
        }
        String challengeId = newChallenge(userId, purpose);
        return new Options(challengeId, challenge(challengeId), rpId(), null, null, null, null, allowed, CHALLENGE_VALIDITY.toMillis());
    }

    /** Verifies an assertion (authentication response JSON) for the purpose; false for anything that does not check out. */
    @Transactional
    public boolean verify(String userId, String purpose, String challengeId, String responseJson, String requestOrigin) {
        byte[] challenge;
        try {
            challenge = spend(challengeId, userId, purpose);
        } catch (BusinessException e) {
            return false;
        }
        try {
            AuthenticationData data = webauthn.parseAuthenticationResponseJSON(responseJson);
            String credentialId = B64.encodeToString(data.getCredentialId());
            Optional<Object[]> stored = jdbc.sql("SELECT credential, sign_count FROM passkey WHERE credential_id = :id AND user_id = :u")
                    .param("id", credentialId).param("u", userId)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).optional();
            if (stored.isEmpty()) {
                return false;
            }
            AttestedCredentialData attested = credentials.convert(Base64.getDecoder().decode((String) stored.get()[0]));
            CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), true, null, null,
                    (Long) stored.get()[1], attested, null, null, null, null);
            webauthn.verify(data, new AuthenticationParameters(server(challenge, requestOrigin), record,
                    List.of(data.getCredentialId()), true, true));
            jdbc.sql("UPDATE passkey SET sign_count = :n, last_used_at = :at WHERE credential_id = :id")
                    .param("n", data.getAuthenticatorData().getSignCount()).param("at", utc(clock.instant())).param("id", credentialId).update();
            return true;
        } catch (VerificationException | com.webauthn4j.converter.exception.DataConversionException | IllegalArgumentException e) {
            return false;
        }
    }

    public boolean registered(String userId) {
        return !credentialIds(userId).isEmpty();
    }

    private List<String> credentialIds(String userId) {
        return jdbc.sql("SELECT credential_id FROM passkey WHERE user_id = :u ORDER BY created_at").param("u", userId)
                .query(String.class).list();
    }

    private String newChallenge(String owner, String purpose) {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO webauthn_challenge (id, owner, purpose, challenge, expires_at) VALUES (:id, :o, :p, :c, :e)")
                .param("id", id).param("o", owner).param("p", purpose).param("c", B64.encodeToString(challenge))
                .param("e", utc(clock.instant().plus(CHALLENGE_VALIDITY))).update();
        return id;
    }

    private String challenge(String challengeId) {
        return jdbc.sql("SELECT challenge FROM webauthn_challenge WHERE id = :id").param("id", challengeId).query(String.class).single();
    }

    /** The challenge's bytes, once: for its owner and purpose, before it expires. */
    private byte[] spend(String challengeId, String owner, String purpose) {
        Instant now = clock.instant();
        int spent = challengeId == null ? 0 : jdbc.sql("UPDATE webauthn_challenge SET used_at = :now WHERE id = :id AND owner = :o "
                        + "AND purpose = :p AND used_at IS NULL AND expires_at > :now")
                .param("now", utc(now)).param("id", challengeId).param("o", owner).param("p", purpose).update();
        if (spent != 1) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.passkey.challenge");
        }
        return Base64.getUrlDecoder().decode(challenge(challengeId));
    }

    /**
     * Our relying party is the host of the public URL; the page's origin must be on that host
     * (its port may differ behind a proxy or in tests).
     */
    private ServerProperty server(byte[] challenge, String requestOrigin) {
        String rpId = rpId();
        Origin configured = new Origin(URI.create(properties.publicUrl()).resolve("/").toString().replaceAll("/$", ""));
        return ServerProperty.builder().rpId(rpId).challenge(new DefaultChallenge(challenge))
                .originPredicate(origin -> origin.equals(configured) || (requestOrigin != null && origin.toString().equals(requestOrigin)
                        && rpId.equals(URI.create(requestOrigin).getHost())))
                .build();
    }

    String rpId() {
        return URI.create(properties.publicUrl()).getHost();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
