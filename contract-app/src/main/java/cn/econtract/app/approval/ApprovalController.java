package cn.econtract.app.approval;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/contracts/{id}")
@Tag(name = "Approval", description = "提交、撤回、审批记录 submission, withdrawal, approval trail")
class ApprovalController {

    private final Submissions submissions;
    private final ApprovalTrail trail;
    private final AuditReport report;

    ApprovalController(Submissions submissions, ApprovalTrail trail, AuditReport report) {
        this.submissions = submissions;
        this.trail = trail;
        this.report = report;
    }

    @PostMapping("/submit")
    @Operation(summary = "Submit a complete draft for approval, or resubmit a returned contract after revising it "
            + "(permission contract:submit)")
    Submissions.Submitted submit(@PathVariable String id) {
        return submissions.submit(id);
    }

    @PostMapping("/withdraw")
    @Operation(summary = "撤回: the drafter or submitter takes the contract back to draft while approval runs or after a return")
    Submissions.Submitted withdraw(@PathVariable String id) {
        return submissions.withdraw(id);
    }

    @GetMapping("/approvals")
    @Operation(summary = "Approval trail: every round and step (level, approver, times, decision, opinion, version) and open tasks")
    ApprovalTrail.Trail approvals(@PathVariable String id) {
        return trail.of(id);
    }

    @GetMapping(path = "/audit-report", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Approval audit report as PDF, signed by the platform key (X-Content-SHA256 carries its hash)")
    ResponseEntity<byte[]> auditReport(@PathVariable String id) {
        AuditReport.Report r = report.of(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("X-Content-SHA256", r.sha256())
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(r.contractNo() + "-audit-report.pdf").build().toString())
                .body(r.pdf());
    }
}
