package cn.econtract.app.notification;

import java.time.Instant;

/** One message in a user's inbox. {@code kind}: APPROVAL_TASK, REMINDER, ESCALATION, OUTCOME. */
public record Notification(String id, String recipient, String kind, String contractId, String taskId, String title,
                           Instant createdAt, Instant readAt) {
}
