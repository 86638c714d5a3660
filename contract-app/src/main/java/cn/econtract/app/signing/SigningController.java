package cn.econtract.app.signing;

import cn.econtract.app.audit.RequestOrigin;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.notification.TextMessage;
import cn.econtract.app.seal.Handwritings;
import cn.econtract.app.seal.PngImages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Signing", description = "签署与验签 signing and signature verification")
class SigningController {

    private final SigningArrangements arrangements;
    private final SigningDesk desk;
    private final BatchSigning batches;
    private final SigningCertificateReport certificates;
    private final SigningStatus status;
    private final TotpEnrolments totp;
    private final Passkeys passkeys;
    private final Handwritings handwritings;
    private final AccessService access;

    SigningController(SigningArrangements arrangements, SigningDesk desk, BatchSigning batches, SigningCertificateReport certificates,
                      SigningStatus status, TotpEnrolments totp, Passkeys passkeys, Handwritings handwritings, AccessService access) {
        this.passkeys = passkeys;
        this.arrangements = arrangements;
        this.desk = desk;
        this.batches = batches;
        this.certificates = certificates;
        this.status = status;
        this.totp = totp;
        this.handwritings = handwritings;
        this.access = access;
    }

    record ChannelChoice(String channel) {
    }

    record Refusal(String reason) {
    }

    record BatchChallenge(List<String> taskIds, String channel) {
    }

    record BatchRequest(List<String> taskIds, List<SignerFactors.Factor> factors, String handwriting) {
    }

    record Code(String code) {
    }

    record Drawing(String png) {
    }

    @PostMapping("/api/v1/contracts/{id}/signing")
    @Operation(summary = "安排签署 start signing an approved contract: signers (colleagues by userId, our company seal, "
            + "counterparties by name and e-mail); order, factors and deadline come from signing-policy.dmn")
    SigningArrangements.Arranged arrange(@PathVariable String id, @RequestBody SigningArrangements.Arrangement body) {
        return arrangements.arrange(id, body);
    }

    @GetMapping("/api/v1/contracts/{id}/signing")
    @Operation(summary = "Signing attempts of a contract: policy, signers and where each stands")
    List<SigningStatus.Attempt> attempts(@PathVariable String id) {
        return status.of(id);
    }

    @GetMapping("/api/v1/contracts/{id}/signing-certificate")
    @Operation(summary = "签署证明 as PDF: document hash, every signer's authentication, time-stamp time, IP, certificate, evidence")
    ResponseEntity<byte[]> certificate(@PathVariable String id) {
        SigningCertificateReport.Certificate c = certificates.of(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("signing-certificate-" + c.contractNo() + ".pdf").build().toString())
                .body(c.pdf());
    }

    @GetMapping("/api/v1/signing/{taskId}")
    @Operation(summary = "One of the caller's signing tasks: contract, appearance, factors the policy needs")
    SigningDesk.SigningView view(@PathVariable String taskId) {
        return desk.view(taskId);
    }

    @PostMapping("/api/v1/signing/{taskId}/challenge")
    @Operation(summary = "Send the signer's one-time code by SMS or EMAIL (5 minutes, 5 attempts, one a minute)")
    ResponseEntity<SignerChallenges.Challenge> challenge(@PathVariable String taskId, @RequestBody ChannelChoice body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.challenge(taskId, channel(body.channel())));
    }

    @PostMapping("/api/v1/signing/{taskId}/sign")
    @Operation(summary = "Sign: {factors: [{type: SMS|EMAIL, challengeId, code} | {type: TOTP, code}], appearance: "
            + "SIGNATURE|SEAL, handwriting: PNG base64 (else the one on file)}")
    SigningDesk.Signed sign(@PathVariable String taskId, @RequestBody SigningDesk.SignRequest body, HttpServletRequest request) {
        return desk.sign(taskId, body, RequestOrigin.of(request).clientIp(), origin());
    }

    @PostMapping("/api/v1/signing/{taskId}/passkey")
    @Operation(summary = "A WebAuthn challenge for this signature: pass it to navigator.credentials.get(), send the result as "
            + "factor {type: PASSKEY, challengeId, assertion}")
    ResponseEntity<Passkeys.Options> passkeyChallenge(@PathVariable String taskId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.passkeyChallenge(taskId));
    }

    @PostMapping("/api/v1/signing/batch/passkey")
    @Operation(summary = "批量签署: a WebAuthn challenge for a set of the caller's signing tasks")
    ResponseEntity<Passkeys.Options> batchPasskey(@RequestBody BatchChallenge body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(batches.passkeyChallenge(body.taskIds()));
    }

    @PostMapping("/api/v1/me/passkeys/options")
    @Operation(summary = "Options for registering a passkey (navigator.credentials.create)")
    Passkeys.Options passkeyOptions() {
        var me = access.currentUser();
        return passkeys.registrationOptions(me.id(), me.displayName());
    }

    record NewPasskey(String challengeId, String response) {
    }

    @PostMapping("/api/v1/me/passkeys")
    @Operation(summary = "Register a passkey: the PublicKeyCredential of navigator.credentials.create as JSON")
    ResponseEntity<Map<String, String>> registerPasskey(@RequestBody NewPasskey body) {
        String id = passkeys.register(access.currentUser().id(), body.challengeId(), body.response(), origin());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("credentialId", id));
    }

    @PostMapping("/api/v1/signing/{taskId}/refuse")
    @Operation(summary = "拒签 with a reason: the attempt stops and the drafter is told")
    ResponseEntity<Void> refuse(@PathVariable String taskId, @RequestBody Refusal body, HttpServletRequest request) {
        desk.refuse(taskId, body.reason(), RequestOrigin.of(request).clientIp());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/signing/batch/challenge")
    @Operation(summary = "批量签署: one code for a set of the caller's signing tasks")
    ResponseEntity<SignerChallenges.Challenge> batchChallenge(@RequestBody BatchChallenge body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(batches.challenge(body.taskIds(), channel(body.channel())));
    }

    @PostMapping("/api/v1/signing/batch")
    @Operation(summary = "批量签署: one authentication signs every task of the set, each with its own signature; 202 with progress")
    ResponseEntity<BatchSigning.Progress> batch(@RequestBody BatchRequest body, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(batches.start(body.taskIds(), body.factors(), body.handwriting(), RequestOrigin.of(request).clientIp(), origin()));
    }

    @GetMapping("/api/v1/signing/batch/{batchId}")
    @Operation(summary = "Progress and per-contract result of a batch")
    BatchSigning.Progress progress(@PathVariable String batchId) {
        return batches.progress(batchId);
    }

    @PostMapping("/api/v1/me/totp")
    @Operation(summary = "Enrol an authenticator app: the secret and otpauth:// URI, shown once")
    TotpEnrolments.Enrolment enrolTotp() {
        return totp.enrol(access.currentUser().id());
    }

    @PostMapping("/api/v1/me/totp/confirm")
    @Operation(summary = "Activate the authenticator app with its first code")
    ResponseEntity<Void> confirmTotp(@RequestBody Code body) {
        totp.confirm(access.currentUser().id(), body.code());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v1/me/handwriting")
    @Operation(summary = "Keep my handwritten signature (PNG, base64) for the next signatures")
    ResponseEntity<Void> handwriting(@RequestBody Drawing body) {
        handwritings.store(access.currentUser().id(), PngImages.fromBase64(body.png()));
        return ResponseEntity.noContent().build();
    }

    /** This server's own origin as the browser addressed it (scheme, host, port). */
    private static String origin() {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().replacePath(null)
                .build().toUriString();
    }

    static TextMessage.Channel channel(String channel) {
        try {
            return channel == null ? null : TextMessage.Channel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
