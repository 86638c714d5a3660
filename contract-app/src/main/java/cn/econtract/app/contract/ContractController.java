package cn.econtract.app.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/contracts")
@Tag(name = "Contracts", description = "合同 contracts")
@Validated
class ContractController {

    private final ContractService contracts;

    ContractController(ContractService contracts) {
        this.contracts = contracts;
    }

    @PostMapping
    @Operation(summary = "Register a draft contract")
    ResponseEntity<Contract> create(@Valid @RequestBody NewContract request) {
        Contract contract = contracts.create(request);
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + contract.id())).body(contract);
    }

    @GetMapping
    @Operation(summary = "Contracts the caller may view, newest first")
    List<Contract> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return contracts.list(page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contract with status, parties, amounts and dates")
    Contract get(@PathVariable String id) {
        return contracts.get(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a draft (permission contract:delete)")
    ResponseEntity<Void> delete(@PathVariable String id) {
        contracts.delete(id);
        return ResponseEntity.noContent().build();
    }
}
