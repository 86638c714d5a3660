package cn.econtract.app.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Webhooks", description = "OA/ERP 集成：生命周期事件推送 lifecycle events pushed to other systems (admin)")
class WebhookController {

    private final WebhookSubscriptions subscriptions;
    private final WebhookDispatcher dispatcher;

    WebhookController(WebhookSubscriptions subscriptions, WebhookDispatcher dispatcher) {
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
    }

    record NewSubscription(String name, String url, List<String> events) {
    }

    @PostMapping("/api/v1/admin/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribe a system to events; the answer carries the signing secret, shown this once")
    WebhookSubscriptions.Created create(@RequestBody NewSubscription body) {
        return subscriptions.create(body == null ? null : body.name(), body == null ? null : body.url(), body == null ? null : body.events());
    }

    @GetMapping("/api/v1/admin/webhooks")
    @Operation(summary = "The subscriptions (without their secrets)")
    List<WebhookSubscriptions.Subscription> list() {
        return subscriptions.list();
    }

    @DeleteMapping("/api/v1/admin/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop a subscription (its delivery log stays)")
    void deactivate(@PathVariable String id) {
        subscriptions.deactivate(id);
    }

    @GetMapping("/api/v1/admin/webhooks/{id}/deliveries")
    @Operation(summary = "The delivery log: every event sent, its attempts and the receiver's answers")
    List<Map<String, Object>> deliveries(@PathVariable String id) {
        return dispatcher.log(id);
    }

    @PostMapping("/api/v1/admin/webhooks/deliveries/{deliveryId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a delivery again")
    void replay(@PathVariable String deliveryId) {
        dispatcher.replay(deliveryId);
    }
}
