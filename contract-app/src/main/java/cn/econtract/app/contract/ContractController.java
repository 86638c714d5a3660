package cn.econtract.app.contract;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.compare.Comparison;
import cn.econtract.app.identity.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/contracts")
@Tag(name = "Contracts", description = "合同 contracts: drafting, versions, documents")
@Validated
class ContractController {

    private static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ContractService contracts;
    private final ContractDocuments documents;
    private final Validator validator;

    ContractController(ContractService contracts, ContractDocuments documents, Validator validator) {
        this.contracts = contracts;
        this.documents = documents;
        this.validator = validator;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Draft a contract from a template with variables, or register one as free text")
    ResponseEntity<Contract> create(@Valid @RequestBody NewContract request) {
        Contract contract = contracts.create(request);
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + contract.id())).body(contract);
    }

    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Draft a contract from an uploaded .docx or .pdf (checked: size, type, macros, zip bombs, XXE)")
    ResponseEntity<Contract> upload(@RequestPart("file") MultipartFile file, @RequestParam String title,
                                    @RequestParam String contractType, @RequestParam(required = false) String departmentId,
                                    @RequestParam(required = false) String counterpartyName,
                                    @RequestParam(required = false) BigDecimal amount) throws IOException {
        NewContract request = new NewContract(title, contractType, departmentId, counterpartyName, null, amount, null,
                null, null, null, null, null, false);
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
        Contract contract = contracts.createFromUpload(request, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + contract.id())).body(contract);
    }

    @GetMapping
    @Operation(summary = "Contracts the caller may view, newest first; filter by status, type, own drafts, text")
    List<Contract> list(@ParameterObject ContractFilter filter, @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return contracts.list(filter, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contract with status, parties, amounts and dates")
    Contract get(@PathVariable String id) {
        return contracts.get(id);
    }

    @GetMapping("/{id}/draft")
    @Operation(summary = "The current version with the variable schema, as the editor loads it")
    ContractService.Drafted draft(@PathVariable String id) {
        return contracts.drafted(id, Permission.CONTRACT_VIEW, OperationAction.VIEW);
    }

    @PutMapping("/{id}/draft")
    @Operation(summary = "Save the editor's state as a new version (409 when baseVersion is not the current one)")
    ContractVersion save(@PathVariable String id, @Valid @RequestBody SaveDraft request) {
        return contracts.save(id, request);
    }

    @PostMapping("/{id}/preview")
    @Operation(summary = "Unsaved editor state rendered as HTML (every value escaped), laid out as the PDF")
    Preview preview(@PathVariable String id, @Valid @RequestBody SaveDraft request) {
        return new Preview(documents.preview(id, request));
    }

    /** The body of the contract as HTML, for the editor's preview pane. */
    record Preview(String html) {
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every saved version, newest first")
    List<ContractVersionLine> versions(@PathVariable String id) {
        return contracts.versions(id);
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "One version with its content")
    ContractVersion version(@PathVariable String id, @PathVariable int version) {
        return contracts.version(id, version);
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "What changed between two versions, clause by clause and character by character")
    Comparison diff(@PathVariable String id, @RequestParam int from, @RequestParam int to) {
        return documents.diff(id, from, to);
    }

    // no "produces": errors must still reach clients that accept only JSON as problem+json (404, not 406)
    @GetMapping("/{id}/document")
    @Operation(summary = "Current version as PDF (CJK fonts embedded; X-Content-SHA256 carries its hash)")
    ResponseEntity<byte[]> document(@PathVariable String id) {
        return file(documents.pdf(id), MediaType.APPLICATION_PDF, ".pdf");
    }

    @GetMapping(path = "/{id}/document.docx")
    @Operation(summary = "Current version as Word .docx (permission contract:export)")
    ResponseEntity<byte[]> word(@PathVariable String id) {
        return file(documents.docx(id), DOCX, ".docx");
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft (permission contract:delete)")
    ResponseEntity<Void> delete(@PathVariable String id) {
        contracts.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<byte[]> file(ContractDocuments.Rendered rendered, MediaType type, String suffix) {
        String name = rendered.contractNo() + "-v" + rendered.version() + suffix;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", rendered.sha256())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(rendered.bytes());
    }
}
