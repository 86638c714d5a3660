package cn.econtract.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.identity.DirectoryService;
import cn.econtract.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Identity, single sign-on and access rules over HTTP; run on H2 and on PostgreSQL. */
abstract class SecurityScenarios {

    @LocalServerPort
    int port;
    @Autowired
    DirectoryService directory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.security.core.session.SessionRegistry sessions;

    @Test
    void engineRestIsNeverAnonymous() {
        assertThat(Http.anonymous(port).get("/engine-rest/engine").statusCode()).isEqualTo(401);
        HttpResponse<String> admin = Http.basic(port, "admin", "demo").get("/engine-rest/engine");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("default");
    }

    @Test
    void engineRestHonoursCamundaAuthorizations() {
        assertThat(Http.basic(port, "admin", "demo").get("/engine-rest/deployment/count").statusCode()).isEqualTo(200);
        HttpResponse<String> drafter = Http.basic(port, "drafter", "demo")
                .postRaw("/engine-rest/authorization/create", "application/json",
                        "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"drafter\",\"resourceType\":0,\"resourceId\":\"*\"}");
        assertThat(drafter.statusCode()).isEqualTo(403);
    }

    @Test
    void wrongPasswordIsUnauthorisedProblemJson() {
        HttpResponse<String> response = Http.basic(port, "drafter", "wrong-" + UUID.randomUUID()).get("/api/v1/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(Http.json(response).get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void userWithoutDeleteGets403AndTheAttemptIsLogged() {
        String id = createContract("drafter", "purchasing");
        HttpResponse<String> denied = Http.basic(port, "legal", "demo").delete("/api/v1/contracts/" + id);

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(Http.json(denied).get("code").asText()).isEqualTo("FORBIDDEN");
        JsonNode log = Http.json(Http.basic(port, "auditor", "demo")
                .get("/api/v1/audit/operations?actor=legal&action=DELETE&outcome=DENIED"));
        assertThat(log.get("items").findValuesAsText("resourceId")).contains("DELETE /api/v1/contracts/" + id);
        assertThat(log.get("items").get(0).get("detail").asText()).contains("contract:delete");
        assertThat(log.get("items").get(0).get("clientIp").asText()).isNotBlank();
        assertThat(Http.basic(port, "drafter", "demo").get("/api/v1/contracts/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherDepartmentsContractIsUnreachableWithoutAllScope() {
        String id = createContract("drafter", "purchasing");
        String seller = "seller" + suffix();
        directory.ensureUser(seller, "售", "钱", null, "Seller-pass-2026!", true);
        directory.ensureMembership(seller, "sales");
        directory.ensureMembership(seller, "drafter");

        Http sales = Http.basic(port, seller, "Seller-pass-2026!");
        assertThat(sales.get("/api/v1/contracts/" + id).statusCode()).isEqualTo(404);
        assertThat(sales.delete("/api/v1/contracts/" + id).statusCode()).isEqualTo(404);
        for (String path : List.of("/document", "/document.docx", "/draft", "/versions", "/versions/1", "/diff?from=1&to=1")) {
            assertThat(sales.get("/api/v1/contracts/" + id + path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(sales.put("/api/v1/contracts/" + id + "/draft", Map.of("baseVersion", 1, "clauses", List.of())).statusCode())
                .isEqualTo(404);
        assertThat(Http.json(sales.get("/api/v1/contracts")).findValuesAsText("id")).doesNotContain(id);
        assertThat(Http.json(Http.basic(port, "legal", "demo").get("/api/v1/contracts/" + id)).get("id").asText()).isEqualTo(id);
        JsonNode log = Http.json(Http.basic(port, "auditor", "demo")
                .get("/api/v1/audit/operations?actor=" + seller + "&outcome=DENIED&resourceId=" + id));
        // every refused attempt is logged: view, delete, six document/version reads and the save
        assertThat(log.get("total").asInt()).isEqualTo(2 + 6 + 1);
    }

    @Test
    void revokingAPermissionTakesEffectOnTheNextRequest() {
        Http admin = Http.basic(port, "admin", "demo");
        JsonNode before = Http.json(admin.get("/api/v1/admin/roles"));
        JsonNode finance = null;
        for (JsonNode role : before) {
            if (role.get("id").asText().equals("finance")) {
                finance = role.get("permissions");
            }
        }
        assertThat(finance).isNotNull();
        Http financeUser = Http.basic(port, "finance", "demo");
        assertThat(financeUser.get("/api/v1/contracts").statusCode()).isEqualTo(200);
        try {
            assertThat(admin.put("/api/v1/admin/roles/finance/permissions",
                    Map.of("permissions", Map.of("contract:export", "ALL"))).statusCode()).isEqualTo(200);
            assertThat(financeUser.get("/api/v1/contracts").statusCode()).isEqualTo(403);
            JsonNode log = Http.json(Http.basic(port, "auditor", "demo")
                    .get("/api/v1/audit/operations?action=PERMISSION_CHANGE&resourceId=finance"));
            assertThat(log.get("items").get(0).get("actor").asText()).isEqualTo("admin");
        } finally {
            admin.put("/api/v1/admin/roles/finance/permissions", Map.of("permissions", finance));
        }
        assertThat(financeUser.get("/api/v1/contracts").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsChangePermissions() {
        HttpResponse<String> response = Http.basic(port, "drafter", "demo")
                .put("/api/v1/admin/roles/drafter/permissions", Map.of("permissions", Map.of("admin", "ALL")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Http.json(Http.basic(port, "drafter", "demo").get("/api/v1/me")).get("permissions").has("admin")).isFalse();
    }

    @Test
    void unknownPermissionIsAValidationError() {
        HttpResponse<String> response = Http.basic(port, "admin", "demo")
                .put("/api/v1/admin/roles/auditor/permissions", Map.of("permissions", Map.of("contract:fly", "ALL")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(Http.basic(port, "auditor", "demo").get("/api/v1/me")).get("permissions").has("audit:read")).isTrue();
    }

    @Test
    void repeatedFailuresLockTheAccountUntilAnAdministratorUnlocks() {
        String user = "lock" + suffix();
        directory.ensureUser(user, "锁", "试", null, "Correct-horse-2026!", true);
        directory.ensureMembership(user, "auditor");
        for (int i = 0; i < 5; i++) {
            assertThat(Http.basic(port, user, "wrong").get("/api/v1/me").statusCode()).isEqualTo(401);
        }
        assertThat(Http.basic(port, user, "Correct-horse-2026!").get("/api/v1/me").statusCode()).isEqualTo(401);
        JsonNode log = Http.json(Http.basic(port, "auditor", "demo").get("/api/v1/audit/operations?actor=" + user
                + "&action=LOGIN_FAILED&size=10"));
        assertThat(log.get("total").asInt()).isEqualTo(6);
        assertThat(log.get("items").get(0).get("detail").asText()).isEqualTo("LockedException");

        directory.unlock(user);
        assertThat(Http.basic(port, user, "Correct-horse-2026!").get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void passwordsAreStoredAsBcrypt() {
        String hash = jdbc.queryForObject("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = 'drafter'", String.class);
        assertThat(hash).startsWith("{BCRYPT}$2a$10$").doesNotContain("demo");
    }

    @Test
    void loginChangesTheSessionIdAndIsLogged() {
        Http browser = Http.anonymous(port);
        browser.get("/login", "text/html");
        String before = browser.sessionId();
        HttpResponse<String> login = browser.formLogin("manager", "demo");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).doesNotContain("error"));
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
        JsonNode log = Http.json(Http.basic(port, "auditor", "demo").get("/api/v1/audit/operations?actor=manager&action=LOGIN"));
        assertThat(log.get("items").get(0).get("userAgent").asText()).isNotBlank();
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() {
        Http browser = Http.anonymous(port);
        browser.formLogin("manager", "demo");
        assertThat(browser.postForm("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/", "text/html").statusCode()).isEqualTo(200);
    }

    @Test
    void tasklistKnowsTheUserWhoLoggedIntoOurUi() {
        Http browser = Http.anonymous(port);
        browser.formLogin("legal", "demo");
        assertThat(browser.get("/camunda/app/tasklist/default/", "text/html").statusCode()).isEqualTo(200);
        HttpResponse<String> camundaUser = browser.get("/camunda/api/admin/auth/user/default");

        assertThat(camundaUser.statusCode()).isEqualTo(200);
        assertThat(Http.json(camundaUser).get("userId").asText()).isEqualTo("legal");
        assertThat(Http.json(camundaUser).get("authorizedApps").toString()).contains("tasklist");
    }

    @Test
    void tasklistWithoutLoginGoesToOurLoginPage() {
        HttpResponse<String> response = Http.anonymous(port).get("/camunda/app/tasklist/default/", "text/html");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
    }

    @Test
    void logoutEverywhereEndsEverySessionOfTheUser() {
        Http phone = Http.anonymous(port);
        Http desktop = Http.anonymous(port);
        phone.formLogin("gm", "demo");
        desktop.formLogin("gm", "demo");
        assertThat(phone.get("/", "text/html").statusCode()).isEqualTo(200);

        String token = Http.csrfFrom(desktop.get("/profile", "text/html").body());
        desktop.postForm("/profile/logout-everywhere", Map.of("_csrf", token));

        assertThat(phone.get("/", "text/html").statusCode()).isEqualTo(302);
        assertThat(phone.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    }

    @Test
    void pagesCarrySecurityHeaders() {
        Http browser = Http.anonymous(port);
        HttpResponse<String> login = browser.get("/login", "text/html");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                assertThat(v).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).isPresent();
        assertThat(login.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).containsIgnoringCase("HttpOnly"));
    }

    @Test
    void callersWithCredentialsOnEveryRequestGetNoSessionButTheSameHeaders() {
        String caller = "caller" + java.util.UUID.randomUUID().toString().substring(0, 6);  // no session of any other test
        directory.ensureUser(caller, "接", "口", caller + "@demo.econtract.cn", "demo", false);
        directory.ensureMembership(caller, "drafter");
        Http basic = Http.basic(port, caller, "demo");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> call = basic.get("/api/v1/contracts");
            assertThat(call.statusCode()).isEqualTo(200);
            assertThat(call.headers().allValues("Set-Cookie")).as("no session per call").isEmpty();
            assertThat(call.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(call.headers().firstValue("Content-Security-Policy")).isPresent();
        }
        assertThat(sessions.getAllSessions(caller, true)).as("nothing registered for the caller").isEmpty();
        // the browser still gets its session
        Http browser = Http.anonymous(port);
        browser.formLogin("auditor", "demo");
        assertThat(sessions.getAllSessions("auditor", false)).isNotEmpty();
    }

    @Test
    void undeclaredRoutesAreDeniedByDefault() {
        assertThat(Http.basic(port, "admin", "demo").get("/api/v1/not-a-route").statusCode()).isEqualTo(403);
        assertThat(Http.anonymous(port).get("/api/v1/contracts").statusCode()).isEqualTo(401);
    }

    String createContract(String user, String department) {
        HttpResponse<String> created = Http.basic(port, user, "demo").post("/api/v1/contracts", Map.of(
                "title", "办公设备采购合同", "contractType", "PURCHASE", "departmentId", department,
                "counterpartyName", "北京华信办公设备有限公司", "amount", "258000.00"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asText();
    }

    static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
