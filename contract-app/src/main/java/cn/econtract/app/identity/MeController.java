package cn.econtract.app.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own profile and sessions. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "当前用户 current user")
class MeController {

    private final AccessService access;
    private final SessionControl sessions;

    MeController(AccessService access, SessionControl sessions) {
        this.access = access;
        this.sessions = sessions;
    }

    @GetMapping
    @Operation(summary = "Who am I: departments, roles and effective permissions")
    Me me() {
        UserProfile user = access.currentUser();
        Map<String, PermissionScope> permissions = new TreeMap<>();
        user.grants().scopes().forEach((p, s) -> permissions.put(p.code(), s));
        return new Me(user.id(), user.displayName(), user.departments(), user.roles(), permissions);
    }

    @PostMapping("/sessions/logout-all")
    @Operation(summary = "Log out everywhere: ends every session of the caller, on every device")
    Map<String, Integer> logoutEverywhere() {
        return Map.of("endedSessions", sessions.endAllSessionsOf(access.currentUser().id()));
    }

    record Me(String id, String displayName, java.util.List<Department> departments, java.util.List<String> roles,
              Map<String, PermissionScope> permissions) {
    }
}
