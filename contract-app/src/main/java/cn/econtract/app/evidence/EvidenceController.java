package cn.econtract.app.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Evidence", description = "存证：事件、证明、证据包、完整性核验 events, proofs, evidence package, verification")
class EvidenceController {

    private final EvidenceProofs proofs;
    private final EvidencePackages packages;
    private final EvidenceVerification verification;
    private final MessageSource messages;

    EvidenceController(EvidenceProofs proofs, EvidencePackages packages, EvidenceVerification verification,
                       MessageSource messages) {
        this.proofs = proofs;
        this.packages = packages;
        this.verification = verification;
        this.messages = messages;
    }

    /** One line per event: what, who, when, which version, and how far its proof has come. */
    record EventLine(long seq, String type, String label, String actor, Instant occurredAt, Integer version,
                     String documentHash, String detail, EvidenceProof.Status status, Long batchNo, String ledger,
                     String proof) {
    }

    record Events(String contractId, String contractNo, List<EventLine> events) {
    }

    @GetMapping("/api/v1/contracts/{id}/evidence")
    @Operation(summary = "Evidence events of a contract with the state of each proof (permission contract:view)")
    Events events(@PathVariable String id) {
        EvidenceProofs.Readable readable = proofs.readable(id);
        Locale locale = LocaleContextHolder.getLocale();
        List<EventLine> lines = readable.proofs().stream().map(p -> {
            EvidenceEntry e = p.entry();
            return new EventLine(e.seq(), e.type().name(),
                    messages.getMessage("evidence.type." + e.type().name(), null, e.type().name(), locale),
                    e.actor(), e.occurredAt(), e.version(), e.documentHash(), e.detail(), p.status(),
                    p.batch() == null ? null : p.batch().batchNo(), p.anchor() == null ? null : p.anchor().ledger(),
                    "/api/v1/contracts/" + id + "/evidence/" + e.seq() + "/proof");
        }).toList();
        return new Events(id, readable.contractNo(), lines);
    }

    @GetMapping(path = "/api/v1/contracts/{id}/evidence/{seq}/proof", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Proof file of one event (entry, Merkle path, root, RFC 3161 token, anchor receipt), "
            + "checked offline with `java -jar contract-app.jar verify-proof`")
    ResponseEntity<EvidenceProof> proof(@PathVariable String id, @PathVariable long seq) {
        EvidenceProof proof = proofs.readable(id, seq);
        return ResponseEntity.ok().header("Content-Disposition", ContentDisposition.attachment()
                .filename("evidence-proof-" + seq + ".json").build().toString()).body(proof);
    }

    @GetMapping(path = "/api/v1/contracts/{id}/evidence-package", produces = "application/zip")
    @Operation(summary = "证据包: ZIP with the signed PDF, certificate, audit report, events, proofs, time-stamps, "
            + "anchor receipts, manifest (time-stamped) and a Chinese guide (permission contract:export)")
    ResponseEntity<byte[]> evidencePackage(@PathVariable String id) {
        EvidencePackages.Package p = packages.build(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header("X-Content-SHA256", p.sha256())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(p.contractNo() + "-evidence.zip").build().toString())
                .body(p.zip());
    }

    @GetMapping("/api/v1/audit/evidence-verification")
    @Operation(summary = "Walks the whole evidence trail and names the first entry that does not hold (permission audit:read)")
    TrailVerification verify() {
        return verification.verify();
    }
}
