package cn.econtract.app.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class OutboxController {

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/v1/notifications/outbox")
    @Operation(summary = "Demo/embedded SMS and e-mail sink, newest first (permission admin): read a one-time code "
            + "without a phone; empty when a real provider delivers SMS")
    List<Outbox.Sent> outbox(@RequestParam(required = false) String destination, @RequestParam(defaultValue = "20") int max) {
        return outbox.latest(destination, max);
    }
}
