package cn.econtract.app.template;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A clause of a template: its own heading and text, or one taken from the clause library
 * ({@code libraryCode}, {@code libraryVersion}, with the hash of the library text so a later edit
 * of the clause in a contract is recognisable). Text may hold {@code ${variable}} placeholders.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateClause(String key, String heading, String text, String libraryCode, Integer libraryVersion,
                             String libraryHash) {
}
