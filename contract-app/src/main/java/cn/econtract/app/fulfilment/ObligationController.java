package cn.econtract.app.fulfilment;

import cn.econtract.app.identity.AccessService;
import cn.econtract.app.notification.NotificationPreferences;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Fulfilment", description = "履约 obligations, reminders")
class ObligationController {

    private final ObligationPlans plans;
    private final NotificationPreferences preferences;
    private final AccessService access;
    private final DunningLetters letters;
    private final FulfilmentDashboard dashboard;

    ObligationController(ObligationPlans plans, NotificationPreferences preferences, AccessService access, DunningLetters letters,
                         FulfilmentDashboard dashboard) {
        this.dashboard = dashboard;
        this.letters = letters;
        this.plans = plans;
        this.preferences = preferences;
        this.access = access;
    }

    @GetMapping("/api/v1/contracts/{id}/obligations")
    @Operation(summary = "The contract's obligation plan with each obligation's progress")
    List<Map<String, Object>> plan(@PathVariable String id) {
        return plans.plan(id);
    }

    @PostMapping("/api/v1/contracts/{id}/obligations/confirm")
    @Operation(summary = "Confirm the proposed plan (completes 确认履约计划); reminders follow it from now on")
    List<Map<String, Object>> confirm(@PathVariable String id) {
        return plans.confirmFromApi(id);
    }

    @PostMapping("/api/v1/contracts/{id}/obligations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an obligation extraction missed (contract in force, contract:edit)")
    Obligation add(@PathVariable String id, @RequestBody ObligationEdit edit) {
        return plans.add(id, edit);
    }

    @PutMapping("/api/v1/contracts/{id}/obligations/{obligationId}")
    @Operation(summary = "Correct an obligation (kind, title, party, amount, due term or date, responsible); a new date restarts its reminders")
    Obligation correct(@PathVariable String id, @PathVariable String obligationId, @RequestBody ObligationEdit edit) {
        return plans.correct(id, obligationId, edit);
    }

    record Dismissal(String reason) {
    }

    @PostMapping("/api/v1/contracts/{id}/obligations/{obligationId}/dismiss")
    @Operation(summary = "Take an obligation off the plan, with the reason")
    Obligation dismiss(@PathVariable String id, @PathVariable String obligationId, @RequestBody Dismissal body) {
        return plans.dismiss(id, obligationId, body == null ? null : body.reason());
    }

    @PostMapping(path = "/api/v1/contracts/{id}/obligations/{obligationId}/fulfil", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Record performance: the amount paid (parts add up) and an optional proof in part \"file\" (.pdf or .docx, checked like every upload)")
    Obligation fulfilWithProof(@PathVariable String id, @PathVariable String obligationId, @RequestParam(required = false) BigDecimal amount,
                               @RequestParam(required = false) String note, @RequestPart(name = "file", required = false) MultipartFile proof) throws IOException {
        boolean given = proof != null && !proof.isEmpty();
        return plans.fulfil(id, obligationId, amount, note, given ? proof.getOriginalFilename() : null, given ? proof.getBytes() : null);
    }

    record Performance(BigDecimal amount, String note) {
    }

    @PostMapping(path = "/api/v1/contracts/{id}/obligations/{obligationId}/fulfil", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record performance without a proof")
    Obligation fulfil(@PathVariable String id, @PathVariable String obligationId, @RequestBody Performance body) {
        return plans.fulfil(id, obligationId, body == null ? null : body.amount(), body == null ? null : body.note(), null, null);
    }

    record AnchorDate(Anchor anchor, LocalDate date) {
    }

    @PostMapping("/api/v1/contracts/{id}/anchors")
    @Operation(summary = "Record when an event happened (DELIVERY, ACCEPTANCE, INVOICE …): obligations counting from it get their dates")
    Map<Anchor, LocalDate> anchor(@PathVariable String id, @RequestBody AnchorDate body) {
        return plans.recordAnchor(id, body == null ? null : body.anchor(), body == null ? null : body.date());
    }

    @GetMapping("/api/v1/contracts/{id}/anchors")
    @Operation(summary = "The dates of the events due dates count from")
    Map<Anchor, LocalDate> anchors(@PathVariable String id) {
        return plans.anchors(id);
    }

    @GetMapping("/api/v1/fulfilment/dashboard")
    @Operation(summary = "Due in 30 days, overdue, expiring in 60 days; open receivable and payable amounts — across the contracts the caller may view")
    FulfilmentDashboard.Board dashboard() {
        return dashboard.board();
    }

    @GetMapping("/api/v1/contracts/{id}/dunning-letters")
    @Operation(summary = "The contract's dunning letters (催款函) and where each went")
    List<DunningLetters.Letter> letters(@PathVariable String id) {
        return letters.ofContract(id);
    }

    @GetMapping("/api/v1/contracts/{id}/dunning-letters/{letterId}")
    @Operation(summary = "One dunning letter as PDF")
    org.springframework.http.ResponseEntity<byte[]> letter(@PathVariable String id, @PathVariable String letterId) {
        return org.springframework.http.ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "inline; filename=dunning-letter.pdf")
                .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
                .body(letters.pdf(id, letterId));
    }

    @GetMapping("/api/v1/me/notification-preferences")
    @Operation(summary = "The caller's reminder channels and mobile number")
    NotificationPreferences.Preferences preferences() {
        return preferences.of(access.currentUser().id());
    }

    @PutMapping("/api/v1/me/notification-preferences")
    @Operation(summary = "Switch reminder channels (EMAIL, SMS, IN_APP) and set the mobile number for SMS")
    NotificationPreferences.Preferences setPreferences(@RequestBody NotificationPreferences.Preferences body) {
        return preferences.set(access.currentUser().id(), body == null ? null : body.channels(), body == null ? null : body.phone());
    }
}
