package cn.econtract.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A platform authenticator in software, as a test client: it makes a P-256 key, answers our
 * registration with "none" attestation and our assertion challenges with ECDSA signatures, user
 * present and verified — what a phone does after its face or fingerprint unlock. It lives only in
 * tests; the server side it talks to is the real one.
 */
public final class SoftAuthenticator {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectConverter CONVERTER = new ObjectConverter();

    private final KeyPair pair;
    private final byte[] credentialId = new byte[32];
    private long counter;

    public SoftAuthenticator() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            pair = generator.generateKeyPair();
            new SecureRandom().nextBytes(credentialId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The registration response (PublicKeyCredential.toJSON()) for our registration options. */
    public String register(JsonNode options, String origin) {
        byte[] clientData = clientData("webauthn.create", options.get("challenge").asText(), origin);
        AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                EC2COSEKey.create((ECPublicKey) pair.getPublic(), COSEAlgorithmIdentifier.ES256));
        byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT);
        AttestationObject attestation = new AttestationObject(
                new AuthenticatorData<>(sha256(options.get("rpId").asText().getBytes(StandardCharsets.UTF_8)), flags, counter, attested),
                new NoneAttestationStatement());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", B64.encodeToString(clientData));
        response.put("attestationObject", B64.encodeToString(new AttestationObjectConverter(CONVERTER).convertToBytes(attestation)));
        response.put("transports", java.util.List.of("internal"));
        return credential(response);
    }

    /** The authentication response (PublicKeyCredential.toJSON()) for our assertion options. */
    public String assertion(JsonNode options, String origin) {
        counter++;
        byte[] clientData = clientData("webauthn.get", options.get("challenge").asText(), origin);
        byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV);
        byte[] authenticatorData = new AuthenticatorDataConverter(CONVERTER).convert(
                new AuthenticatorData<>(sha256(options.get("rpId").asText().getBytes(StandardCharsets.UTF_8)), flags, counter));
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(pair.getPrivate());
            signature.update(ByteBuffer.allocate(authenticatorData.length + 32).put(authenticatorData).put(sha256(clientData)).array());
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("clientDataJSON", B64.encodeToString(clientData));
            response.put("authenticatorData", B64.encodeToString(authenticatorData));
            response.put("signature", B64.encodeToString(signature.sign()));
            return credential(response);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String credential(Map<String, Object> response) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", B64.encodeToString(credentialId));
        credential.put("rawId", B64.encodeToString(credentialId));
        credential.put("type", "public-key");
        credential.put("response", response);
        credential.put("clientExtensionResults", Map.of());
        credential.put("authenticatorAttachment", "platform");
        try {
            return JSON.writeValueAsString(credential);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin + "\",\"crossOrigin\":false}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
