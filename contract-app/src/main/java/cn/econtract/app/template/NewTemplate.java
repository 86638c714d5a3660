package cn.econtract.app.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new template: header fields and the content of its first (draft) version. */
public record NewTemplate(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "{validation.templateCode}") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) String category,
        @NotBlank @Pattern(regexp = "[A-Z_]{2,32}", message = "{validation.contractType}") String contractType,
        @NotNull @Valid TemplateContent content) {
}
