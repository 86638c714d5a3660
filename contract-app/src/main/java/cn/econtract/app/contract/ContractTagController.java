package cn.econtract.app.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Contracts", description = "合同 contracts")
class ContractTagController {

    private final ContractTags tags;

    ContractTagController(ContractTags tags) {
        this.tags = tags;
    }

    record Tags(List<String> tags) {
    }

    @GetMapping("/api/v1/contracts/{id}/tags")
    @Operation(summary = "The contract's keyword tags")
    Tags get(@PathVariable String id) {
        return new Tags(tags.view(id));
    }

    @PutMapping("/api/v1/contracts/{id}/tags")
    @Operation(summary = "Replace the keyword tags (≤ 20, each ≤ 32 characters); search finds the contract by them")
    Tags put(@PathVariable String id, @RequestBody Tags body) {
        return new Tags(tags.replace(id, body.tags()));
    }
}
