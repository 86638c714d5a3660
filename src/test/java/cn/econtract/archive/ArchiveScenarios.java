package cn.econtract.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.econtract.app.kernel.Sha256;
import cn.econtract.support.Approvals;
import cn.econtract.support.Docs;
import cn.econtract.support.DueTimers;
import cn.econtract.support.Http;
import cn.econtract.support.ProcessScenarios;
import cn.econtract.support.PurchaseDraft;
import cn.econtract.support.SignedContracts;
import cn.econtract.support.Tools;
import cn.econtract.support.VeraPdf;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Issue 7 (F4.2): every path of archiving.bpmn, archive-retention.bpmn and archive-borrowing.bpmn
 * on the real application, asserted with Camunda BPM Assert, and the archive's public API — a
 * contract signed over the API, performed and filed: its number, its PDF/A-3b copy under
 * veraPDF, its package, who may read it, loans, and the destruction review.
 */
abstract class ArchiveScenarios extends ProcessScenarios {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final byte[] TECHNICAL_AGREEMENT = Docs.docx(new String[] {"#技术协议"}, new String[] {"主轴转速不低于八千转每分钟。"});


    // ---- filing --------------------------------------------------------------------------------

    @Test
    void aPerformedContractIsFiledUnderItsNumberWithAPdfACopyThatVeraPdfAcceptsAndAPackage() throws Exception {
        String id = signed();
        ProcessInstance life = lifecycle(id);
        performed(id);

        assertThat(life).isEnded().hasPassed("Task_Completed", "CallActivity_Archiving", "EndEvent_LifeEnded");
        assertThat(passed("contract-archiving", id)).contains("Task_Category", "Task_Retention", "Task_File", "Gateway_Term",
                "Task_StartRetention", "EndEvent_Filed").doesNotContain("EndEvent_Permanent");
        assertThat(status(id)).isEqualTo("ARCHIVED");

        // the number follows 全宗号-年度-保管期限-类别-件号; a 50,000 yuan purchase: 采购合同, ten years
        JsonNode record = registered(id);
        String no = record.get("archiveNo").asText();
        int year = LocalDate.now(CHINA).getYear();
        assertThat(no).matches("EC01-" + year + "-D10-CG-\\d{4}");
        assertThat(record.get("categoryName").asText()).isEqualTo("采购合同");
        assertThat(record.get("retentionEnds").asText()).isEqualTo((year + 11) + "-01-01");
        assertThat(record.get("signedRevision").asInt()).isPositive();

        // the archival copy: PDF/A-3b, the signed original and the evidence trail inside
        HttpResponse<byte[]> copyResponse = as("archivist").getBytes("/api/v1/archives/" + no + "/copy");
        assertThat(copyResponse.statusCode()).isEqualTo(200);
        byte[] copy = copyResponse.body();
        ValidationResult validation = VeraPdf.validate(copy);
        assertThat(validation.isCompliant()).as(VeraPdf.failures(validation)).isTrue();
        assertThat(Tools.pdfText(copy)).contains("合同归档副本").contains(no);
        Map<String, byte[]> embedded = embedded(copy);
        assertThat(embedded).containsOnlyKeys("signed-original.pdf", "evidence.json", "attachment-1-技术协议.docx");
        assertThat(embedded.get("attachment-1-技术协议.docx")).isEqualTo(TECHNICAL_AGREEMENT);
        assertThat(embedded.get("signed-original.pdf")).isEqualTo(as("drafter").getBytes("/api/v1/contracts/" + id + "/document").body());
        assertThat(new String(embedded.get("evidence.json"), StandardCharsets.UTF_8)).contains("\"SIGNED\"").contains(id);

        // the package: copy, original, evidence and a manifest that hashes each; its hash is in the evidence trail
        byte[] zip = as("archivist").getBytes("/api/v1/archives/" + no + "/package").body();
        Map<String, byte[]> files = unzip(zip);
        assertThat(files).containsOnlyKeys("archival-copy.pdf", "signed-original.pdf", "evidence.json", "attachment-1-技术协议.docx",
                "manifest.json");
        JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
        assertThat(manifest.get("archiveNo").asText()).isEqualTo(no);
        assertThat(manifest.get("format").asText()).isEqualTo("econtract-archive-package/1");
        for (String name : List.of("archival-copy.pdf", "signed-original.pdf", "evidence.json", "attachment-1-技术协议.docx")) {
            assertThat(manifest.get("files").get(name).asText()).as(name).isEqualTo(Sha256.hex(files.get(name)));
        }
        assertThat(files.get("archival-copy.pdf")).isEqualTo(copy);
        assertThat(jdbc.sql("SELECT detail FROM evidence_entry WHERE contract_id = :c AND event_type = 'ARCHIVED'").param("c", id)
                .query(String.class).single()).contains(no).contains(Sha256.hex(zip));

        // archived means finished: no new submission, no second filing
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/submit", Map.of()).statusCode()).isEqualTo(409);
        HttpResponse<String> again = as("archivist").post("/api/v1/archives", Map.of("contractId", id));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));

        // the fixed term runs in archive-retention until 1 January eleven years on
        ProcessInstance retention = retention(no);
        assertThat(retention).isWaitingAt("Event_TermEnds");
        Job term = management.createJobQuery().processInstanceId(retention.getId()).timers().singleResult();
        assertThat(term.getDuedate()).isEqualTo(Date.from(LocalDate.of(year + 11, 1, 1).atStartOfDay(CHINA).toInstant()));
    }

    @Test
    void anArchivistFilesATerminatedContractOnRequestAndAMajorOneIsKeptPermanently() throws Exception {
        String id = PurchaseDraft.create(as("drafter"), "12000000.00", newCounterparty());
        Approvals.approveAll(id, "drafter", this::as, tasks, group -> directory.members(group, null));
        cancelSigning(id);
        assertThat(status(id)).isEqualTo("TERMINATED");

        assertThat(as("drafter").post("/api/v1/archives", Map.of("contractId", id)).statusCode()).as("archive:manage only").isEqualTo(403);
        HttpResponse<String> empty = as("archivist").post("/api/v1/archives", Map.of());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("contractId");
        assertThat(as("archivist").post("/api/v1/archives", Map.of("contractId", UUID.randomUUID().toString())).statusCode()).isEqualTo(404);

        HttpResponse<String> filed = as("archivist").post("/api/v1/archives", Map.of("contractId", id));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        JsonNode record = Http.json(filed);
        String no = record.get("archiveNo").asText();
        assertThat(no).matches("EC01-\\d{4}-Y-CG-\\d{4}");
        assertThat(record.hasNonNull("retentionEnds")).isFalse();
        assertThat(record.hasNonNull("signedRevision")).as("it was never signed").isFalse();
        assertThat(passed("contract-archiving", id)).contains("Task_File", "EndEvent_Permanent").doesNotContain("Task_StartRetention");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("archive-retention").processInstanceBusinessKey(no).count())
                .as("kept permanently: no term to review").isZero();
        assertThat(status(id)).isEqualTo("ARCHIVED");
        assertThat(embedded(as("archivist").getBytes("/api/v1/archives/" + no + "/copy").body())).containsKey("contract.pdf");
        assertThat(as("archivist").post("/api/v1/archives", Map.of("contractId", id)).statusCode()).isEqualTo(409);
    }

    // ---- who reaches what, and loans --------------------------------------------------------------

    @Test
    void staffBrowseTheirDepartmentsArchiveAndReadItOnlyDuringAnApprovedLoan() throws Exception {
        String no = archived();
        ensureUser("salesarchive", "sales", "drafter");

        // the register: the purchasing drafter sees it (may borrow there), a sales drafter does not, an admin has no archive at all
        JsonNode page = Http.json(as("drafter").get("/api/v1/archives?category=CG&q=" + URLEncoder.encode(no, StandardCharsets.UTF_8)));
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("facets").get("category").get("CG").asLong()).isPositive();
        assertThat(page.get("facets").get("department").has("sales")).isFalse();
        assertThat(Http.json(as("salesarchive").get("/api/v1/archives?q=" + no)).get("total").asLong()).isZero();
        assertThat(as("salesarchive").get("/api/v1/archives/" + no).statusCode()).isEqualTo(404);
        assertThat(as("admin").get("/api/v1/archives").statusCode()).isEqualTo(403);
        assertThat(as("archivist").get("/api/v1/archives?size=1000").statusCode()).isEqualTo(400);
        assertThat(as("drafter").get("/api/v1/archives/" + no + "/copy").statusCode()).as("no loan yet").isEqualTo(403);
        assertThat(as("drafter").get("/api/v1/archives/" + no + "/package").statusCode()).isEqualTo(403);
        assertThat(as("salesarchive").post("/api/v1/archives/" + no + "/borrowings", Map.of("purpose", "核对", "days", 3)).statusCode())
                .as("another department's archive is not there for them").isEqualTo(404);

        // a request: checked, one at a time
        HttpResponse<String> tooLong = as("drafter").post("/api/v1/archives/" + no + "/borrowings", Map.of("purpose", "审计核对", "days", 90));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("days");
        assertThat(as("drafter").post("/api/v1/archives/" + no + "/borrowings", Map.of("days", 3)).statusCode()).isEqualTo(400);
        assertThat(loans(no)).as("a rejected request changes nothing").isZero();
        String first = borrow(no, 3);
        assertThat(as("drafter").post("/api/v1/archives/" + no + "/borrowings", Map.of("purpose", "再借", "days", 3)).statusCode())
                .isEqualTo(409);

        // the archivist refuses — with a reason only
        ProcessInstance refused = borrowing(first);
        assertThat(refused).isWaitingAt("Task_ApproveBorrowing");
        Task approval = task(refused, "Task_ApproveBorrowing");
        assertThat(approval).hasCandidateGroup("archivist");
        assertThat(decide("archivist", approval, "REJECT", null)).isEqualTo(400);
        assertThat(decide("archivist", approval, "REJECT", "借阅用途不明确")).isEqualTo(204);
        assertThat(refused).isEnded().hasPassed("Task_Refuse", "EndEvent_Refused");
        assertThat(loan(first).get("status").asText()).isEqualTo("REFUSED");
        assertThat(as("drafter").get("/api/v1/archives/" + no + "/copy").statusCode()).isEqualTo(403);

        // approved: the copy opens to the borrower until it is given back
        String second = borrow(no, 3);
        ProcessInstance lent = borrowing(second);
        assertThat(decide("archivist", task(lent, "Task_ApproveBorrowing"), "APPROVE", null)).isEqualTo(204);
        assertThat(lent).hasPassed("Task_Grant").isWaitingAt("Gateway_OnLoan");
        assertThat(loan(second).get("status").asText()).isEqualTo("LENT");
        HttpResponse<byte[]> read = as("drafter").getBytes("/api/v1/archives/" + no + "/copy");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(as("archivist").getBytes("/api/v1/archives/" + no + "/copy").body());
        assertThat(as("drafter").get("/api/v1/archives/" + no + "/package").statusCode()).as("the package stays with the archive").isEqualTo(403);
        assertThat(as("legal").post("/api/v1/me/borrowings/" + second + "/return", Map.of()).statusCode()).as("not theirs").isEqualTo(404);
        assertThat(as("drafter").post("/api/v1/me/borrowings/" + second + "/return", Map.of()).statusCode()).isEqualTo(204);
        assertThat(lent).isEnded().hasPassed("Event_Returned", "Task_EndLoan", "EndEvent_LoanEnded");
        assertThat(loan(second).get("status").asText()).isEqualTo("CLOSED");
        assertThat(as("drafter").get("/api/v1/archives/" + no + "/copy").statusCode()).isEqualTo(403);

        // a loan that is not given back expires
        String third = borrow(no, 2);
        ProcessInstance expiring = borrowing(third);
        assertThat(decide("archivist", task(expiring, "Task_ApproveBorrowing"), "APPROVE", "仅限本次审计")).isEqualTo(204);
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(2)).plusSeconds(60)));
        runDue(expiring);
        assertThat(expiring).isEnded().hasPassed("Event_LoanExpires", "Task_EndLoan");
        assertThat(loan(third).get("status").asText()).isEqualTo("CLOSED");
        assertThat(as("drafter").get("/api/v1/archives/" + no + "/copy").statusCode()).isEqualTo(403);

        // the archivist sees every loan; the borrower was told of each decision
        assertThat(Http.json(as("archivist").get("/api/v1/archives/" + no + "/borrowings"))).hasSize(3);
        assertThat(as("drafter").get("/api/v1/archives/" + no + "/borrowings").statusCode()).isEqualTo(403);
        assertThat(Http.json(as("drafter").get("/api/v1/me/notifications")).toString()).contains("ARCHIVE_REFUSED").contains("ARCHIVE_LENT");
    }

    // ---- the end of the term ---------------------------------------------------------------------

    @Test
    void whenTheTermEndsAReviewKeepsOrTheGeneralManagerApprovesDestructionNeverSilently() throws Exception {
        String no = archived();
        ProcessInstance retention = retention(no);
        LocalDate ends = LocalDate.parse(Http.json(as("archivist").get("/api/v1/archives/" + no)).get("record").get("retentionEnds").asText());

        // the term ends: the archivist keeps it, with a reason; the term runs ten more years
        ClockUtil.setCurrentTime(Date.from(ends.atStartOfDay(CHINA).toInstant().plusSeconds(60)));
        runDue(retention);
        Task review = task(retention, "Task_Review");
        assertThat(review).hasCandidateGroup("archivist");
        assertThat(decide("archivist", review, "REJECT", null)).as("keeping needs a reason").isEqualTo(400);
        assertThat(decide("archivist", review, "REJECT", "涉诉未结，继续保管")).isEqualTo(204);
        assertThat(retention).hasPassed("Gateway_Keep", "Task_Extend").isWaitingAt("Event_TermEnds");
        LocalDate extended = ends.plusYears(10);
        assertThat(Http.json(as("archivist").get("/api/v1/archives/" + no)).get("record").get("retentionEnds").asText())
                .isEqualTo(extended.toString());

        // the next end: destruction proposed, the general manager refuses — kept again
        ClockUtil.setCurrentTime(Date.from(extended.atStartOfDay(CHINA).toInstant().plusSeconds(60)));
        runDue(retention);
        assertThat(decide("archivist", task(retention, "Task_Review"), "APPROVE", "已无保存价值")).isEqualTo(204);
        Task approval = task(retention, "Task_ApproveDestruction");
        assertThat(approval).hasCandidateGroup("gm");
        assertThat(decide("archivist", approval, "APPROVE", null)).as("not the archivist's to approve").isEqualTo(404);
        assertThat(decide("gm", approval, "REJECT", "保留至项目审计结束")).isEqualTo(204);
        assertThat(retention).isWaitingAt("Event_TermEnds");
        assertThat(as("archivist").getBytes("/api/v1/archives/" + no + "/copy").statusCode()).isEqualTo(200);

        // the third end: reviewed and approved — destroyed beyond recovery, the register keeps the entry
        LocalDate third = extended.plusYears(10);
        ClockUtil.setCurrentTime(Date.from(third.atStartOfDay(CHINA).toInstant().plusSeconds(60)));
        runDue(retention);
        assertThat(decide("archivist", task(retention, "Task_Review"), "APPROVE", "保管期满，鉴定无保存价值")).isEqualTo(204);
        assertThat(decide("gm", task(retention, "Task_ApproveDestruction"), "APPROVE", null)).isEqualTo(204);
        assertThat(retention).isEnded().hasPassed("Task_Destroy", "EndEvent_Destroyed");

        JsonNode entry = Http.json(as("archivist").get("/api/v1/archives/" + no));
        assertThat(entry.get("record").get("status").asText()).isEqualTo("DESTROYED");
        assertThat(entry.get("appraisals")).hasSize(5);
        assertThat(entry.get("appraisals").toString()).contains("涉诉未结，继续保管").contains("保留至项目审计结束");
        HttpResponse<String> gone = as("archivist").get("/api/v1/archives/" + no + "/copy");
        assertThat(gone.statusCode()).isEqualTo(409);
        assertThat(gone.body()).contains(no);
        String packageSha = entry.get("record").get("packageSha256").asText();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document_object WHERE address = :a").param("a", packageSha).query(Long.class).single())
                .as("the data key is gone").isZero();
        String contractId = entry.get("record").get("contractId").asText();
        assertThat(jdbc.sql("SELECT detail FROM evidence_entry WHERE contract_id = :c AND event_type = 'DESTROYED'").param("c", contractId)
                .query(String.class).single()).contains(no);
        assertThat(as("drafter").post("/api/v1/archives/" + no + "/borrowings", Map.of("purpose", "查阅", "days", 1)).statusCode())
                .isEqualTo(409);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A purchase contract with a technical agreement attached, approved and signed. */
    String signed() {
        return SignedContracts.signed(this::as, tasks, directory, "50000.00", id -> assertThat(as("drafter").postMultipart(
                "/api/v1/contracts/" + id + "/attachments", Map.of(), "技术协议.docx", TECHNICAL_AGREEMENT).statusCode()).isEqualTo(201));
    }

    /** A contract signed, performed and filed; its archive number. */
    String archived() {
        String id = signed();
        performed(id);
        return registered(id).get("archiveNo").asText();
    }

    /** The drafter confirms the obligation plan and records every obligation as met. */
    void performed(String id) {
        SignedContracts.performed(this::as, id);
    }

    /** The drafter gives up signing in Tasklist: the contract is terminated. */
    void cancelSigning(String id) {
        Task arrange = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("Task_Arrange").singleResult();
        identity.setAuthentication("drafter", List.of("drafter", "purchasing"));
        try {
            tasks.complete(arrange.getId(), Map.of("arrangement", "CANCEL", "arrangementNote", "项目取消"));
        } finally {
            identity.clearAuthentication();
        }
    }

    JsonNode registered(String contractId) {
        String contractNo = Http.json(as("drafter").get("/api/v1/contracts/" + contractId)).get("contractNo").asText();
        JsonNode page = Http.json(as("archivist").get("/api/v1/archives?q=" + URLEncoder.encode(contractNo, StandardCharsets.UTF_8)));
        assertThat(page.get("items")).as(page.toString()).hasSize(1);
        return page.get("items").get(0);
    }

    String borrow(String no, int days) {
        HttpResponse<String> asked = as("drafter").post("/api/v1/archives/" + no + "/borrowings", Map.of("purpose", "审计核对", "days", days));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        return Http.json(asked).get("id").asText();
    }

    JsonNode loan(String id) {
        for (JsonNode b : Http.json(as("drafter").get("/api/v1/me/borrowings"))) {
            if (b.get("id").asText().equals(id)) {
                return b;
            }
        }
        throw new AssertionError("no borrowing " + id);
    }

    long loans(String no) {
        return jdbc.sql("SELECT COUNT(*) FROM archive_borrowing WHERE archive_no = :n").param("n", no).query(Long.class).single();
    }

    int decide(String user, Task task, String decision, String opinion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        if (opinion != null) {
            body.put("opinion", opinion);
        }
        return as(user).post("/api/v1/tasks/" + task.getId() + "/complete", body).statusCode();
    }

    ProcessInstance lifecycle(String contractId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("contract-lifecycle").processInstanceBusinessKey(contractId)
                .singleResult();
    }

    ProcessInstance retention(String no) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("archive-retention")
                .processInstanceBusinessKey(no).singleResult();
        assertThat(instance).as("retention of " + no).isNotNull();
        return instance;
    }

    ProcessInstance borrowing(String id) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("archive-borrowing").processInstanceBusinessKey(id).singleResult();
    }

    Task task(ProcessInstance instance, String key) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as(key).isNotNull();
        return task;
    }

    /** The activities a (possibly ended) instance of {@code key} for {@code businessKey} passed. */
    List<String> passed(String key, String businessKey) {
        var instance = history.createHistoricProcessInstanceQuery().processDefinitionKey(key).processInstanceBusinessKey(businessKey)
                .singleResult();
        assertThat(instance).as(key + " for " + businessKey).isNotNull();
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    private void runDue(ProcessInstance instance) {
        DueTimers.run(management, instance.getId());
    }

    String status(String contractId) {
        return Http.json(as("drafter").get("/api/v1/contracts/" + contractId)).get("status").asText();
    }

    void ensureUser(String id, String department, String role) {
        directory.ensureUser(id, "档", "测", id + "@demo.econtract.cn", "demo", false);
        directory.ensureMembership(id, role);
        directory.ensureMembership(id, department);
    }

    static String newCounterparty() {
        return "供应商" + UUID.randomUUID().toString().substring(0, 8) + "有限公司";
    }

    static Map<String, byte[]> embedded(byte[] pdf) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null) {
                return files;
            }
            for (Map.Entry<String, PDComplexFileSpecification> e : names.getEmbeddedFiles().getNames().entrySet()) {
                files.put(e.getValue().getFilename(), e.getValue().getEmbeddedFile().toByteArray());
            }
        }
        return files;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
