package cn.econtract.app.signing;

import cn.econtract.app.audit.RequestOrigin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A counterparty's signer, no account: the e-mailed link's token stands for the signer and this one signature. */
@RestController
@RequestMapping("/api/v1/external-signing/{token}")
@Tag(name = "Signing", description = "签署与验签 signing and signature verification")
class ExternalSigningController {

    private final SigningDesk desk;

    ExternalSigningController(SigningDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    @Operation(summary = "What the link's signer is asked to sign")
    ResponseEntity<SigningDesk.SigningView> view(@PathVariable String token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(desk.viewByToken(token));
    }

    @GetMapping("/document")
    @Operation(summary = "The contract PDF as it stands")
    ResponseEntity<byte[]> document(@PathVariable String token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_PDF)
                .body(desk.documentByToken(token));
    }

    @PostMapping("/challenge")
    @Operation(summary = "Send the one-time code to the signer's phone (SMS) or e-mail")
    ResponseEntity<SignerChallenges.Challenge> challenge(@PathVariable String token, @RequestBody SigningController.ChannelChoice body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.challengeByToken(token, SigningController.channel(body.channel())));
    }

    @PostMapping("/sign")
    @Operation(summary = "Sign with the code(s) and the drawn signature")
    SigningDesk.Signed sign(@PathVariable String token, @RequestBody SigningDesk.SignRequest body, HttpServletRequest request) {
        return desk.signByToken(token, body, RequestOrigin.of(request).clientIp());
    }

    @PostMapping("/refuse")
    @Operation(summary = "拒签 with a reason")
    ResponseEntity<Void> refuse(@PathVariable String token, @RequestBody SigningController.Refusal body, HttpServletRequest request) {
        desk.refuseByToken(token, body.reason(), RequestOrigin.of(request).clientIp());
        return ResponseEntity.noContent().build();
    }
}
