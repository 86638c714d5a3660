package cn.econtract.app.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "API clients", description = "OA/ERP 系统的 API 密钥 API keys of other systems (admin)")
class ApiClientController {

    private final ApiClients clients;
    private final AccessService access;

    ApiClientController(ApiClients clients, AccessService access) {
        this.clients = clients;
        this.access = access;
    }

    record NewClient(String name, String userId, Integer ratePerSecond) {
    }

    @PostMapping("/api/v1/admin/api-clients")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "An API key acting as a service account (its roles scope the key); the key is shown this once")
    ApiClients.Created create(@RequestBody NewClient body) {
        return clients.create(body == null ? null : body.name(), body == null ? null : body.userId(),
                body == null ? null : body.ratePerSecond(), access.currentUser().id());
    }

    @GetMapping("/api/v1/admin/api-clients")
    @Operation(summary = "The API clients (without keys)")
    List<ApiClients.Client> list() {
        return clients.list();
    }

    @DeleteMapping("/api/v1/admin/api-clients/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a key: its next request is refused")
    void revoke(@PathVariable String id) {
        clients.revoke(id, access.currentUser().id());
    }
}
