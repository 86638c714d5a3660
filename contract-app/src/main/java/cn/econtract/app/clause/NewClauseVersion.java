package cn.econtract.app.clause;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new clause, or a new version of an existing one (same code). */
public record NewClauseVersion(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "{validation.clauseCode}") String code,
        @NotBlank @Size(max = 32) String category,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 20) List<@NotBlank @Size(max = 20) String> tags,
        @NotBlank @Size(max = 20_000) String text) {
}
