package cn.econtract.app.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Contracts", description = "合同 contracts")
class ContractAttachmentController {

    private final ContractAttachments attachments;

    ContractAttachmentController(ContractAttachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(path = "/api/v1/contracts/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a .docx or .pdf while the contract is a draft (checked: size, type, macros, zip bombs, XXE); search reads its text")
    ResponseEntity<ContractAttachments.Attachment> add(@PathVariable String id, @RequestPart("file") MultipartFile file) throws IOException {
        ContractAttachments.Attachment added = attachments.add(id, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + id + "/attachments/" + added.id())).body(added);
    }

    @GetMapping("/api/v1/contracts/{id}/attachments")
    @Operation(summary = "The contract's attachments")
    List<ContractAttachments.Attachment> list(@PathVariable String id) {
        return attachments.list(id);
    }

    @GetMapping("/api/v1/contracts/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download one attachment")
    ResponseEntity<byte[]> content(@PathVariable String id, @PathVariable String attachmentId) {
        ContractAttachments.File file = attachments.content(id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }

    @DeleteMapping("/api/v1/contracts/{id}/attachments/{attachmentId}")
    @Operation(summary = "Remove an attachment while the contract is a draft (the trail keeps its name and hash)")
    ResponseEntity<Void> remove(@PathVariable String id, @PathVariable String attachmentId) {
        attachments.remove(id, attachmentId);
        return ResponseEntity.noContent().build();
    }
}
