package cn.econtract.app.contract;

import cn.econtract.app.clause.ClauseLibrary;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A clause of a contract. When it came from the clause library it names the clause and version
 * and carries the hash of the library text; {@link #modified()} tells whether the drafter changed
 * it, which is a risk flag for approval routing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = "modified", allowGetters = true)
public record ContractClause(
        @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]{0,63}") String key,
        @Size(max = 200) String heading,
        @Size(max = 50_000) String text,
        @Size(max = 64) String libraryCode,
        Integer libraryVersion,
        @Size(max = 64) String libraryHash) {

    @JsonProperty("modified")
    public boolean modified() {
        return libraryCode != null && libraryHash != null && !ClauseLibrary.hash(text == null ? "" : text).equals(libraryHash);
    }
}
