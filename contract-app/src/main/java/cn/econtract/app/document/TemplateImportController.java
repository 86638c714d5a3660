package cn.econtract.app.document;

import cn.econtract.app.template.TemplateDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Templates", description = "模板 contract templates and their versions")
@Validated
class TemplateImportController {

    private final TemplateImport imports;

    TemplateImportController(TemplateImport imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/v1/templates/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a .docx with ${name} placeholders as a draft template (permission template:edit)")
    ResponseEntity<TemplateDetail> importDocx(@RequestPart("file") MultipartFile file,
            @RequestParam @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "{validation.templateCode}") String code,
            @RequestParam(required = false) @Size(max = 200) String name,
            @RequestParam @NotBlank @Size(max = 64) String category,
            @RequestParam @NotBlank @Pattern(regexp = "[A-Z_]{2,32}", message = "{validation.contractType}") String contractType)
            throws IOException {
        TemplateDetail detail = imports.importDocx(file.getOriginalFilename(), file.getBytes(), code, name, category, contractType);
        return ResponseEntity.created(URI.create("/api/v1/templates/" + detail.template().id())).body(detail);
    }
}
