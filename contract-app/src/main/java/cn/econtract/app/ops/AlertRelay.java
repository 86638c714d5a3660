package cn.econtract.app.ops;

import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import cn.econtract.app.notification.MessageGateway;
import cn.econtract.app.notification.TextMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alertmanager's webhook receiver (O1): each alert goes to the on-call people by e-mail and SMS
 * through the platform's own notification ports — the SMTP server and SMS provider configured for
 * everything else. Configure Alertmanager with {@code webhook_configs: [{url: https://…/api/v1/admin/alerts,
 * http_config: {authorization: {type: ApiKey, credentials: eck_…}}}]} (a key of an admin service account).
 */
@RestController
@Tag(name = "Operations", description = "运维 monitoring alerts")
@EnableConfigurationProperties(AlertRelay.AlertProperties.class)
class AlertRelay {

    /** On-call addresses ({@code econtract.ops.alerts.email}, {@code …sms}). */
    @ConfigurationProperties("econtract.ops.alerts")
    record AlertProperties(List<String> email, List<String> sms) {
        AlertProperties {
            email = email == null ? List.of() : email.stream().filter(s -> !s.isBlank()).toList();
            sms = sms == null ? List.of() : sms.stream().filter(s -> !s.isBlank()).toList();
        }
    }

    record Alert(String status, Map<String, String> labels, Map<String, String> annotations, String startsAt) {
    }

    record Notification(String status, List<Alert> alerts) {
    }

    private final MessageGateway gateway;
    private final AlertProperties properties;

    AlertRelay(MessageGateway gateway, AlertProperties properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    @PostMapping("/api/v1/admin/alerts")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Alertmanager webhook: every alert to the on-call people by e-mail and SMS")
    Map<String, Integer> relay(@RequestBody Notification notification) {
        if (notification == null || notification.alerts() == null || notification.alerts().isEmpty()) {
            throw new InvalidFieldsException(List.of(new FieldError("alerts", "validation.required")));
        }
        int sent = 0;
        for (Alert alert : notification.alerts()) {
            Map<String, String> labels = alert.labels() == null ? Map.of() : alert.labels();
            Map<String, String> notes = alert.annotations() == null ? Map.of() : alert.annotations();
            String state = "resolved".equals(alert.status()) ? "恢复 RESOLVED" : "告警 FIRING";
            String subject = "【" + state + "】" + labels.getOrDefault("alertname", "alert") + " (" + labels.getOrDefault("severity", "-") + ")";
            String text = subject + "\n" + notes.getOrDefault("summary", "") + "\n" + notes.getOrDefault("description", "")
                    + (labels.containsKey("instance") ? "\n" + labels.get("instance") : "") + "\n" + (alert.startsAt() == null ? "" : alert.startsAt());
            for (String to : properties.email()) {
                gateway.send(new TextMessage(TextMessage.Channel.EMAIL, to, subject, text));
                sent++;
            }
            for (String to : properties.sms()) {
                gateway.send(new TextMessage(TextMessage.Channel.SMS, to, subject + " " + notes.getOrDefault("summary", "")));
                sent++;
            }
        }
        return Map.of("messages", sent);
    }
}
