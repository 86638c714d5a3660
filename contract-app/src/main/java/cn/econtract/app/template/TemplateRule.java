package cn.econtract.app.template;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** "Role R (or department D) may take this action on this template." */
public record TemplateRule(@NotNull TemplateAction action, @NotNull PrincipalType principalType,
                           @NotBlank @Pattern(regexp = "[A-Za-z0-9]{1,64}") String principalId) {

    public enum PrincipalType { ROLE, DEPARTMENT }
}
