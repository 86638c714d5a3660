package cn.econtract.app.template;

import cn.econtract.app.compare.Comparison;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates", description = "模板 contract templates and their versions")
@Validated
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    @GetMapping
    @Operation(summary = "Published templates the caller may use (filter: category)")
    List<TemplateSummary> list(@RequestParam(required = false) String category) {
        return templates.list(category);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One template with its current version's variable schema and the version list")
    TemplateDetail get(@PathVariable String id) {
        return templates.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a template; its first version is a draft (permission template:edit)")
    ResponseEntity<TemplateDetail> create(@Valid @RequestBody NewTemplate request) {
        TemplateDetail detail = templates.create(request);
        return ResponseEntity.created(URI.create("/api/v1/templates/" + detail.template().id())).body(detail);
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "One version with its content")
    TemplateVersion version(@PathVariable String id, @PathVariable int version) {
        return templates.version(id, version);
    }

    @PostMapping("/{id}/versions")
    @Operation(summary = "Start a new draft version as a copy of the newest one")
    ResponseEntity<TemplateVersion> newDraft(@PathVariable String id) {
        TemplateVersion draft = templates.newDraft(id);
        return ResponseEntity.created(URI.create("/api/v1/templates/" + id + "/versions/" + draft.version())).body(draft);
    }

    @PutMapping("/{id}/versions/{version}")
    @Operation(summary = "Change a draft version (a published version is immutable: 409)")
    TemplateVersion update(@PathVariable String id, @PathVariable int version, @Valid @RequestBody TemplateContent content) {
        return templates.updateDraft(id, version, content);
    }

    @PostMapping("/{id}/versions/{version}/publish")
    @Operation(summary = "Publish a draft version (permission template:publish)")
    TemplateVersion publish(@PathVariable String id, @PathVariable int version) {
        return templates.publish(id, version);
    }

    @PostMapping("/{id}/versions/{version}/retire")
    @Operation(summary = "Retire a published version; contracts drafted from it keep it")
    TemplateVersion retire(@PathVariable String id, @PathVariable int version) {
        return templates.retire(id, version);
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "Side-by-side difference of two versions")
    Comparison diff(@PathVariable String id, @RequestParam int from, @RequestParam int to) {
        return templates.diff(id, from, to);
    }

    @PutMapping("/{id}/rules")
    @Operation(summary = "Replace who may use, edit and publish this template (permission template:publish)")
    List<TemplateRule> rules(@PathVariable String id, @RequestBody @Size(max = 100) List<@Valid TemplateRule> rules) {
        return templates.replaceRules(id, rules);
    }
}
