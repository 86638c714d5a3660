package cn.econtract.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.kernel.Sha256;
import cn.econtract.support.Docs;
import cn.econtract.support.Http;
import cn.econtract.support.PurchaseDraft;
import cn.econtract.support.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 3 end to end over the public API: templates, drafting, versions, documents, uploads. */
abstract class DraftingScenarios {

    static final String COUNTERPARTY = PurchaseDraft.COUNTERPARTY;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Http drafter() {
        return Http.basic(port, "drafter", "demo");
    }

    Http legal() {
        return Http.basic(port, "legal", "demo");
    }

    String purchaseTemplateId(Http http) {
        return PurchaseDraft.templateId(http);
    }

    static Map<String, Object> purchaseVariables() {
        return PurchaseDraft.variables();
    }

    JsonNode createPurchase(Http http) {
        HttpResponse<String> created = http.post("/api/v1/contracts", Map.of("templateId", purchaseTemplateId(http),
                "title", "数控车床采购合同", "variables", purchaseVariables()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created);
    }

    @Test
    void drafterCreatesAPurchaseContractWhosePdfAndWordCarryTheTerms() throws Exception {
        Http drafter = drafter();
        JsonNode detail = Http.json(drafter.get("/api/v1/templates/" + purchaseTemplateId(drafter)));
        assertThat(detail.at("/current/content/variables").findValuesAsText("type")).contains("PARTY", "MONEY", "DATE", "TABLE", "SELECT");

        JsonNode contract = createPurchase(drafter);
        assertThat(contract.get("contractNo").asText()).matches("CG-\\d{4}-\\d{6}");
        assertThat(contract.get("counterpartyName").asText()).isEqualTo(COUNTERPARTY);
        assertThat(contract.get("amount").decimalValue()).isEqualByComparingTo("258000.00");
        assertThat(contract.get("contractType").asText()).isEqualTo("PURCHASE");
        assertThat(contract.get("currentVersion").asInt()).isEqualTo(1);
        String id = contract.get("id").asText();

        HttpResponse<byte[]> pdf = drafter.getBytes("/api/v1/contracts/" + id + "/document");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("X-Content-SHA256")).hasValue(Sha256.hex(pdf.body()));
        String text = Tools.pdfText(pdf.body()).replaceAll("\\s+", "");
        assertThat(text).contains(COUNTERPARTY, "贰拾伍万捌仟元整", contract.get("contractNo").asText(), "第一条", "验收合格后30日内");
        // reproducible: the same version renders to the same bytes
        assertThat(drafter.getBytes("/api/v1/contracts/" + id + "/document").body()).isEqualTo(pdf.body());

        HttpResponse<byte[]> docx = drafter.getBytes("/api/v1/contracts/" + id + "/document.docx");
        assertThat(docx.statusCode()).isEqualTo(200);
        Path dir = Files.createTempDirectory("lo");
        try {
            Files.write(dir.resolve("contract.docx"), docx.body());
            Tools.Result converted = Tools.run(dir, 180, "/usr/bin/soffice", "-env:UserInstallation=file://" + dir.resolve("profile"),
                    "--headless", "--convert-to", "pdf", "--outdir", dir.toString(), dir.resolve("contract.docx").toString());
            assertThat(converted.exitCode()).as(converted.output()).isZero();
            assertThat(converted.output()).doesNotContainIgnoringCase("error");
            String convertedText = Tools.pdfText(Files.readAllBytes(dir.resolve("contract.pdf"))).replaceAll("\\s+", "");
            assertThat(convertedText).contains(COUNTERPARTY, "贰拾伍万捌仟元整");
        } finally {
            Tools.deleteTree(dir);
        }
    }

    @Test
    void invalidVariablesAnswerOneErrorPerFieldAndStoreNothing() {
        Http drafter = drafter();
        Map<String, Object> v = purchaseVariables();
        v.put("signDate", "2026-13-45");
        v.put("amount", "-100");
        v.remove("partyB");
        Long before = jdbc.queryForObject("SELECT COUNT(*) FROM contract", Long.class);
        HttpResponse<String> r = drafter.post("/api/v1/contracts", Map.of("templateId", purchaseTemplateId(drafter),
                "title", "错误的合同", "variables", v));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = Http.json(r);
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("variables.signDate", "variables.amount", "variables.partyB");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contract", Long.class)).isEqualTo(before);
    }

    @Test
    void everySaveIsAVersionWithAReadableDiff() {
        Http drafter = drafter();
        String id = createPurchase(drafter).get("id").asText();
        JsonNode draft = Http.json(drafter.get("/api/v1/contracts/" + id + "/draft"));
        List<Map<String, Object>> clauses = new ArrayList<>();
        for (JsonNode c : draft.at("/version/content/clauses")) {
            Map<String, Object> clause = new LinkedHashMap<>();
            c.fields().forEachRemaining(f -> clause.put(f.getKey(), f.getValue().isInt() ? f.getValue().asInt() : f.getValue().asText()));
            clause.remove("modified");
            clauses.add(clause);
        }
        // move the first clause to the end, edit a library clause and forge its hash
        clauses.add(clauses.remove(0));
        Map<String, Object> library = clauses.stream().filter(c -> c.containsKey("libraryCode")).findFirst().orElseThrow();
        library.put("text", library.get("text") + "\n双方另行约定的其他保密事项以书面补充协议为准。");
        library.put("libraryHash", Sha256.hex(library.get("text").toString()));
        Map<String, Object> variables = purchaseVariables();
        variables.put("amount", "300000.00");

        HttpResponse<String> saved = drafter.put("/api/v1/contracts/" + id + "/draft",
                Map.of("baseVersion", 1, "clauses", clauses, "variables", variables));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(Http.json(saved).get("version").asInt()).isEqualTo(2);

        JsonNode contract = Http.json(drafter.get("/api/v1/contracts/" + id));
        assertThat(contract.get("currentVersion").asInt()).isEqualTo(2);
        assertThat(contract.get("amount").decimalValue()).isEqualByComparingTo("300000.00");
        assertThat(contract.get("riskFlags").toString()).contains("STANDARD_CLAUSE_CHANGED");

        assertThat(Http.json(drafter.get("/api/v1/contracts/" + id + "/versions")).findValuesAsText("version")).containsExactly("2", "1");
        JsonNode diff = Http.json(drafter.get("/api/v1/contracts/" + id + "/diff?from=1&to=2"));
        assertThat(diff.get("clauses").findValuesAsText("kind")).contains("CHANGED", "MOVED");
        assertThat(diff.get("clauses").toString()).contains("双方另行约定的其他保密事项以书面补充协议为准。");
        assertThat(diff.get("values").findValuesAsText("name")).containsExactly("amount");

        HttpResponse<String> stale = drafter.put("/api/v1/contracts/" + id + "/draft",
                Map.of("baseVersion", 1, "clauses", clauses, "variables", variables));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Http.json(drafter.get("/api/v1/contracts/" + id + "/versions"))).hasSize(2);
    }

    @Test
    void concurrentSavesOnTheSameVersionLeaveOneWinnerAndTellTheOthers() throws Exception {
        Http drafter = drafter();
        String id = createPurchase(drafter).get("id").asText();
        JsonNode content = Http.json(drafter.get("/api/v1/contracts/" + id + "/draft")).at("/version/content");
        List<java.util.concurrent.Callable<Integer>> saves = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> variables = purchaseVariables();
            variables.put("quantity", 10 + i);
            List<Object> clauses = new ArrayList<>();
            content.get("clauses").forEach(c -> clauses.add(Map.of("key", c.get("key").asText(), "heading", c.path("heading").asText(""),
                    "text", c.get("text").asText())));
            saves.add(() -> drafter.put("/api/v1/contracts/" + id + "/draft",
                    Map.of("baseVersion", 1, "clauses", clauses, "variables", variables)).statusCode());
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (var f : pool.invokeAll(saves)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(Http.json(drafter.get("/api/v1/contracts/" + id + "/versions"))).hasSize(2);
    }

    @Test
    void concurrentFirstDraftsOfAYearGetDistinctNumbers() throws Exception {
        // the default prefix's year afresh, as for a prefix not seeded at start-up (earlier HT numbers
        // renamed so none collides)
        jdbc.update("DELETE FROM contract_number_counter WHERE prefix = 'HT'");
        jdbc.update("UPDATE contract SET contract_no = REPLACE(contract_no, 'HT-', 'HX-') WHERE contract_no LIKE 'HT-%'");
        Http drafter = drafter();
        List<java.util.concurrent.Callable<HttpResponse<String>>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            creates.add(() -> drafter.post("/api/v1/contracts", Map.of("title", "其他合同", "contractType", "OTHER",
                    "counterpartyName", "某公司", "body", "正文")));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<String> numbers = new ArrayList<>();
        try {
            for (var f : pool.invokeAll(creates)) {
                assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(201);
                numbers.add(Http.json(f.get()).get("contractNo").asText());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("HT-\\d{4}-00000[1-8]"));
    }

    @Test
    void templateVersionsArePublishedOnceAndThenImmutable() {
        Http legal = legal();
        String code = "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
        Map<String, Object> content = Map.of(
                "variables", List.of(Map.of("name", "partyB", "label", "乙方", "type", "PARTY", "required", true),
                        Map.of("name", "fee", "label", "服务费", "type", "MONEY", "required", true)),
                "counterparty", "partyB", "amount", "fee",
                "clauses", List.of(Map.of("key", "fee", "heading", "服务费", "text", "服务费为${fee}（大写：${fee.upper}）。"),
                        Map.of("key", "force", "libraryCode", "FORCE_MAJEURE")));
        HttpResponse<String> created = legal.post("/api/v1/templates", Map.of("code", code, "name", "测试服务合同",
                "category", "测试", "contractType", "TECH_SERVICE", "content", content));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Http.json(created).at("/template/id").asText();
        // a draft is not offered to drafters
        assertThat(Http.json(drafter().get("/api/v1/templates")).findValuesAsText("code")).doesNotContain(code);
        assertThat(drafter().post("/api/v1/templates/" + id + "/versions/1/publish", Map.of()).statusCode()).isEqualTo(403);
        assertThat(legal.post("/api/v1/templates/" + id + "/versions/1/publish", Map.of()).statusCode()).isEqualTo(200);
        assertThat(Http.json(drafter().get("/api/v1/templates")).findValuesAsText("code")).contains(code);

        HttpResponse<String> changePublished = legal.put("/api/v1/templates/" + id + "/versions/1", content);
        assertThat(changePublished.statusCode()).isEqualTo(409);
        assertThat(Http.json(changePublished).get("code").asText()).isEqualTo("STATE_CONFLICT");

        HttpResponse<String> contract = drafter().post("/api/v1/contracts", Map.of("templateId", id, "title", "测试",
                "variables", Map.of("partyB", Map.of("name", "测试乙方有限公司"), "fee", "1005.50")));
        assertThat(contract.statusCode()).as(contract.body()).isEqualTo(201);
        String v1 = Http.json(contract).get("templateVersionId").asText();

        assertThat(legal.post("/api/v1/templates/" + id + "/versions", Map.of()).statusCode()).isEqualTo(201);
        Map<String, Object> changed = new LinkedHashMap<>(content);
        changed.put("clauses", List.of(Map.of("key", "fee", "heading", "服务费", "text", "服务费为${fee}（大写：${fee.upper}），含税。"),
                Map.of("key", "force", "libraryCode", "FORCE_MAJEURE")));
        assertThat(legal.put("/api/v1/templates/" + id + "/versions/2", changed).statusCode()).isEqualTo(200);
        assertThat(legal.post("/api/v1/templates/" + id + "/versions/2/publish", Map.of()).statusCode()).isEqualTo(200);
        assertThat(legal.post("/api/v1/templates/" + id + "/versions/1/retire", Map.of()).statusCode()).isEqualTo(200);

        JsonNode diff = Http.json(legal.get("/api/v1/templates/" + id + "/diff?from=1&to=2"));
        assertThat(diff.get("clauses").get(0).get("kind").asText()).isEqualTo("CHANGED");
        assertThat(diff.get("clauses").get(0).get("segments").toString()).contains("\"INSERT\"", "，含税");
        // the contract keeps the version it came from
        String contractId = Http.json(contract).get("id").asText();
        assertThat(Http.json(drafter().get("/api/v1/contracts/" + contractId)).get("templateVersionId").asText()).isEqualTo(v1);
        assertThat(Tools.pdfText(drafter().getBytes("/api/v1/contracts/" + contractId + "/document").body()))
                .contains("壹仟零伍元伍角").doesNotContain("含税");
    }

    @Test
    void templateRulesNarrowWhoMayUseATemplate() {
        Http legal = legal();
        String code = "RULE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
        HttpResponse<String> created = legal.post("/api/v1/templates", Map.of("code", code, "name", "销售专用",
                "category", "测试", "contractType", "SALES", "content", Map.of("clauses",
                        List.of(Map.of("key", "body", "heading", "标的", "text", "销售标的以附件为准。")))));
        String id = Http.json(created).at("/template/id").asText();
        legal.post("/api/v1/templates/" + id + "/versions/1/publish", Map.of());
        assertThat(legal.put("/api/v1/templates/" + id + "/rules",
                List.of(Map.of("action", "USE", "principalType", "DEPARTMENT", "principalId", "sales"))).statusCode()).isEqualTo(200);
        assertThat(Http.json(drafter().get("/api/v1/templates")).findValuesAsText("code")).doesNotContain(code);
        HttpResponse<String> denied = drafter().post("/api/v1/contracts", Map.of("templateId", id, "title", "越权"));
        assertThat(denied.statusCode()).isEqualTo(403);
    }

    @Test
    void wordTemplatesImportAndHostileUploadsChangeNothing() {
        Http legal = legal();
        byte[] docx = Docs.docx(new String[] {"技术咨询合同"}, new String[] {"甲方：${partyA.name}"},
                new String[] {"第一条 咨询内容"}, new String[] {"乙方为甲方提供", "${topic", "}咨询，费用", "${fee}", "元。"},
                new String[] {"第二条 期限"}, new String[] {"自${startDate}起至${endDate}止。"});
        String code = "IMPORT_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '_');
        HttpResponse<String> imported = legal.postMultipart("/api/v1/templates/import",
                Map.of("code", code, "category", "咨询", "contractType", "TECH_SERVICE"), "咨询合同.docx", docx);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode version = Http.json(imported).get("current");
        assertThat(version.get("status").asText()).isEqualTo("DRAFT");
        assertThat(version.at("/content/variables").findValuesAsText("name")).containsExactly("partyA", "topic", "fee", "startDate", "endDate");
        assertThat(version.at("/content/variables").findValuesAsText("type")).containsExactly("PARTY", "TEXT", "MONEY", "DATE", "DATE");
        assertThat(version.at("/content/clauses").findValuesAsText("heading")).containsExactly("咨询内容", "期限");

        Long templates = jdbc.queryForObject("SELECT COUNT(*) FROM contract_template", Long.class);
        Long contracts = jdbc.queryForObject("SELECT COUNT(*) FROM contract", Long.class);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document>&x;</w:document>";
        Map<String, byte[]> hostile = new LinkedHashMap<>();
        hostile.put("bomb.docx", Docs.zipBomb(200));
        hostile.put("xxe.docx", Docs.docxWithDocument(xxe));
        hostile.put("macro.docm", docx);
        hostile.put("fake.docx", Docs.utf8("MZ this is an executable"));
        hostile.put("broken.pdf", Docs.utf8("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage"));
        for (var upload : hostile.entrySet()) {
            HttpResponse<String> t = legal.postMultipart("/api/v1/templates/import",
                    Map.of("code", code + "X", "category", "咨询", "contractType", "TECH_SERVICE"), upload.getKey(), upload.getValue());
            HttpResponse<String> c = drafter().postMultipart("/api/v1/contracts/upload",
                    Map.of("title", "上传合同", "contractType", "PURCHASE"), upload.getKey(), upload.getValue());
            for (HttpResponse<String> r : List.of(t, c)) {
                assertThat(r.statusCode()).as(upload.getKey() + ": " + r.body()).isBetween(400, 499);
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
            }
        }
        // oversized: above the upload check (10 MiB) and above the multipart limit (12 MB)
        for (int mebibytes : new int[] {11, 13}) {
            byte[] big = new byte[mebibytes * 1024 * 1024];
            System.arraycopy(Docs.utf8("%PDF-1.7\n"), 0, big, 0, 9);
            HttpResponse<String> r = drafter().postMultipart("/api/v1/contracts/upload",
                    Map.of("title", "超大文件", "contractType", "PURCHASE"), "big.pdf", big);
            assertThat(r.statusCode()).as(mebibytes + " MiB").isEqualTo(413);
            assertThat(Http.json(r).get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contract_template", Long.class)).isEqualTo(templates);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contract", Long.class)).isEqualTo(contracts);

        HttpResponse<String> uploaded = drafter().postMultipart("/api/v1/contracts/upload",
                Map.of("title", "对方提供的咨询合同", "contractType", "TECH_SERVICE", "counterpartyName", "北京智合咨询有限公司"),
                "对方合同.docx", docx);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(Http.json(uploaded).get("body").asText()).contains("第一条 咨询内容");
    }

    @Test
    void onlyLegalChangesTemplatesAndClausesAndOnlyTemplateUsersSeeThem() {
        Http drafter = drafter();
        Map<String, Object> clause = Map.of("code", "DRAFTER_CLAUSE", "category", "保密", "title", "越权条款", "text", "不应保存。");
        assertThat(drafter.post("/api/v1/clauses", clause).statusCode()).isEqualTo(403);
        assertThat(drafter.post("/api/v1/templates", Map.of("code", "DRAFTER_TPL", "name", "越权", "category", "测试",
                "contractType", "SALES", "content", Map.of("clauses", List.of()))).statusCode()).isEqualTo(403);
        assertThat(drafter.put("/api/v1/templates/" + purchaseTemplateId(drafter) + "/versions/1", Map.of()).statusCode()).isEqualTo(403);
        assertThat(drafter.postMultipart("/api/v1/templates/import", Map.of("code", "X1", "category", "c", "contractType", "SALES"),
                "a.docx", Docs.docx(new String[] {"合同"})).statusCode()).isEqualTo(403);
        Http finance = Http.basic(port, "finance", "demo");
        assertThat(finance.get("/api/v1/templates").statusCode()).isEqualTo(403);
        assertThat(finance.get("/api/v1/clauses").statusCode()).isEqualTo(403);
        assertThat(Http.anonymous(port).get("/api/v1/templates").statusCode()).isEqualTo(401);

        HttpResponse<String> added = legal().post("/api/v1/clauses", Map.of("code", "AUDIT_RIGHTS", "category", "审计",
                "title", "审计权", "tags", List.of("审计", "合规"), "text", "甲方有权在提前五个工作日书面通知后审计乙方与本合同有关的账簿。"));
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(Http.json(drafter.get("/api/v1/clauses?tag=合规")).findValuesAsText("code")).contains("AUDIT_RIGHTS");
        assertThat(Http.json(drafter.get("/api/v1/clauses?q=账簿")).findValuesAsText("code")).containsExactly("AUDIT_RIGHTS");
        HttpResponse<String> v2 = legal().post("/api/v1/clauses", Map.of("code", "AUDIT_RIGHTS", "category", "审计",
                "title", "审计权", "tags", List.of("审计"), "text", "甲方有权在提前三个工作日书面通知后审计乙方与本合同有关的账簿。"));
        assertThat(Http.json(v2).get("version").asInt()).isEqualTo(2);
        assertThat(Http.json(drafter.get("/api/v1/clauses/AUDIT_RIGHTS/versions")).findValuesAsText("version")).containsExactly("1", "2");
    }

    @Test
    void myDraftsCanBeListedAndFiltered() {
        Http drafter = drafter();
        String no = createPurchase(drafter).get("contractNo").asText();
        JsonNode mine = Http.json(drafter.get("/api/v1/contracts?mine=true&status=DRAFT&q=" + no));
        assertThat(mine.findValuesAsText("contractNo")).containsExactly(no);
        assertThat(Http.json(Http.basic(port, "manager", "demo").get("/api/v1/contracts?mine=true&q=" + no))).isEmpty();
    }
}
