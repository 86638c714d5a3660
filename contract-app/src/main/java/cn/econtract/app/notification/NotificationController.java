package cn.econtract.app.notification;

import cn.econtract.app.identity.AccessService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me/notifications")
@Tag(name = "Notifications", description = "站内消息 in-app notifications")
class NotificationController {

    private final Notifications notifications;
    private final AccessService access;

    NotificationController(Notifications notifications, AccessService access) {
        this.notifications = notifications;
        this.access = access;
    }

    record Inbox(long unread, List<Notification> items) {
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, newest first, with the unread count")
    Inbox list(@RequestParam(defaultValue = "false") boolean unreadOnly) {
        String me = access.currentUser().id();
        return new Inbox(notifications.unread(me), notifications.of(me, unreadOnly, 200));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the caller's notifications read")
    ResponseEntity<Void> read(@PathVariable String id) {
        notifications.markRead(access.currentUser().id(), id);
        return ResponseEntity.noContent().build();
    }
}
