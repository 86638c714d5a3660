package cn.econtract.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.evidence.EvidenceSealing;
import cn.econtract.app.evidence.EvidenceVerification;
import cn.econtract.app.evidence.InProcessEvidenceWorker;
import cn.econtract.app.evidence.OfflineVerifier;
import cn.econtract.app.evidence.TrailVerification;
import cn.econtract.support.DatabaseOwner;
import cn.econtract.support.Http;
import cn.econtract.support.PurchaseDraft;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6 on the whole application: a contract taken through drafting and approval has one
 * evidence entry per event, each with a proof the offline verifier accepts; tampering with an
 * entry or a stored contract version is named by verify; the evidence package verifies offline.
 */
abstract class EvidenceScenarios {

    private static final Map<String, String> DEMO_MEMBER = Map.of("manager", "manager", "legal", "legal",
            "finance", "finance", "gm", "gm");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    cn.econtract.app.identity.DirectoryService directory;
    @Autowired
    EvidenceSealing sealing;
    @Autowired
    InProcessEvidenceWorker worker;
    @Autowired
    EvidenceVerification verification;
    @TempDir
    Path dir;

    /** PostgreSQL refuses changes to evidence rows itself; there the tamper has to bypass its triggers. */
    abstract boolean databaseGuardsTheTable();

    Http as(String user) {
        return Http.basic(port, user, "demo");
    }

    @Test
    void everyEventOfDraftingAndApprovalHasAnEntryWithAProofTheOfflineVerifierAccepts() throws IOException {
        String id = approvedContract();
        assertThat(as("drafter").getBytes("/api/v1/contracts/" + id + "/document").statusCode()).isEqualTo(200);
        anchorEverything();

        JsonNode events = Http.json(as("drafter").get("/api/v1/contracts/" + id + "/evidence")).get("events");
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).startsWith("CREATED", "EDITED", "STATUS_CHANGED", "SUBMITTED");
        assertThat(types).contains("APPROVED", "DOWNLOADED");
        assertThat(types.stream().filter("APPROVED"::equals).count()).isEqualTo(approvals(id));
        assertThat(events.get(0).get("label").asText()).isEqualTo("起草");
        assertThat(events.get(1).get("version").asInt()).isEqualTo(2);

        for (JsonNode event : events) {
            assertThat(event.get("status").asText()).isEqualTo("ANCHORED");
            assertThat(event.get("ledger").asText()).isEqualTo("local");
            HttpResponse<String> proof = as("drafter").get(event.get("proof").asText());
            assertThat(proof.statusCode()).as(proof.body()).isEqualTo(200);
            Path file = dir.resolve("proof-" + event.get("seq").asText() + ".json");
            Files.writeString(file, proof.body());
            Verified result = verifyOffline(OfflineVerifier.VERIFY_PROOF, file);
            assertThat(result.exit()).as(result.output()).isZero();
            assertThat(result.output()).contains("RESULT: VALID", "默克尔路径", "RFC 3161", "本地账本");
        }

        // a proof someone edited (the actor) no longer verifies, and the verifier says why
        JsonNode first = Http.json(as("drafter").get(events.get(0).get("proof").asText()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) first.get("entry")).put("actor", "someone-else");
        Path forged = dir.resolve("forged.json");
        Files.writeString(forged, first.toString());
        Verified forgedResult = verifyOffline(OfflineVerifier.VERIFY_PROOF, forged);
        assertThat(forgedResult.exit()).isEqualTo(1);
        assertThat(forgedResult.output()).contains("已被改动", "RESULT: INVALID");
    }

    @Test
    void anotherDepartmentCannotReadTheEvidenceAndProofsBelongToTheirContract() {
        String id = PurchaseDraft.create(as("drafter"), "80000", newCounterparty());
        String other = PurchaseDraft.create(as("drafter"), "80000", newCounterparty());
        long seqOfOther = Http.json(as("drafter").get("/api/v1/contracts/" + other + "/evidence")).get("events").get(0).get("seq").asLong();
        assertThat(as("drafter").get("/api/v1/contracts/" + id + "/evidence/" + seqOfOther + "/proof").statusCode()).isEqualTo(404);
        // a drafter of the sales department has contract:view only there: the contract does not exist for them
        directory.ensureUser("salesdrafter", "小销", "吴", "salesdrafter@demo.econtract.cn", "demo", false);
        directory.ensureMembership("salesdrafter", "sales");
        directory.ensureMembership("salesdrafter", "drafter");
        assertThat(as("salesdrafter").get("/api/v1/contracts/" + id + "/evidence").statusCode()).isEqualTo(404);
        assertThat(as("salesdrafter").get("/api/v1/contracts/" + id + "/evidence/" + seqOfOther + "/proof").statusCode()).isEqualTo(404);
        assertThat(as("salesdrafter").getBytes("/api/v1/contracts/" + id + "/evidence-package").statusCode()).isEqualTo(404);
        assertThat(as("drafter").get("/api/v1/audit/evidence-verification").statusCode()).isEqualTo(403);
        // a proof asked for before its batch is sealed (nothing seals here) says so instead of pretending
        JsonNode pending = Http.json(as("drafter").get("/api/v1/contracts/" + id + "/evidence/" + Http.json(
                as("drafter").get("/api/v1/contracts/" + id + "/evidence")).get("events").get(0).get("seq").asLong() + "/proof"));
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.has("inclusion")).isFalse();
        assertThat(pending.has("timestampToken")).isFalse();
    }

    @Test
    void verifyNamesTheFirstChangedRemovedOrRewrittenEntryAndAChangedContractVersion() {
        String id = PurchaseDraft.create(as("drafter"), "90000", newCounterparty());
        PurchaseDraft.create(as("drafter"), "90000", newCounterparty());  // so the entry has a successor
        anchorEverything();
        assertThat(verification.verify().intact()).as(String.valueOf(verification.verify().reason())).isTrue();
        long seq = Http.json(as("drafter").get("/api/v1/contracts/" + id + "/evidence")).get("events").get(0).get("seq").asLong();

        // one field of one entry changed in the database
        String actor = jdbc.queryForObject("SELECT actor FROM evidence_entry WHERE seq = ?", String.class, seq);
        tamper("UPDATE evidence_entry SET actor = 'mallory' WHERE seq = " + seq);
        try {
            JsonNode verdict = Http.json(as("auditor").get("/api/v1/audit/evidence-verification"));
            assertThat(verdict.get("intact").asBoolean()).isFalse();
            assertThat(verdict.get("firstBadSeq").asLong()).isEqualTo(seq);
            assertThat(verdict.get("reason").asText()).contains("entry " + seq, "changed");
        } finally {
            tamper("UPDATE evidence_entry SET actor = '" + actor + "' WHERE seq = " + seq);
        }
        assertThat(verification.verify().intact()).isTrue();

        // the entry rewritten with a matching hash: its batch root no longer matches what was time-stamped
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM evidence_entry WHERE seq = ?", seq);
        cn.econtract.app.evidence.EvidenceEntry original = entryOf(row);
        cn.econtract.app.evidence.EvidenceEntry forged = new cn.econtract.app.evidence.EvidenceEntry(original.seq(),
                original.type(), original.contractId(), "mallory", original.occurredAt(), original.version(),
                original.documentHash(), original.detail(), original.prevHash(), null);
        String forgedHash = cn.econtract.app.evidence.EvidenceHashing.entryHash(forged);
        long next = seq + 1;
        String nextPrev = jdbc.queryForObject("SELECT prev_hash FROM evidence_entry WHERE seq = ?", String.class, next);
        tamper("UPDATE evidence_entry SET actor = 'mallory', entry_hash = '" + forgedHash + "' WHERE seq = " + seq);
        try {
            TrailVerification result = verification.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadSeq()).isEqualTo(next);  // the next entry no longer links
        } finally {
            tamper("UPDATE evidence_entry SET actor = '" + actor + "', entry_hash = '" + original.entryHash() + "' WHERE seq = " + seq);
        }
        assertThat(jdbc.queryForObject("SELECT prev_hash FROM evidence_entry WHERE seq = ?", String.class, next)).isEqualTo(nextPrev);

        // an entry removed from its place (moved far beyond the head, so it can be put back)
        long away = seq + 1_000_000_000L;
        tamper("UPDATE evidence_entry SET seq = " + away + " WHERE seq = " + seq);
        try {
            TrailVerification result = verification.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadSeq()).isEqualTo(seq);
            assertThat(result.reason()).contains("missing");
        } finally {
            tamper("UPDATE evidence_entry SET seq = " + seq + " WHERE seq = " + away);
        }

        // a local-ledger block unlinked from its predecessor
        long height = jdbc.queryForObject("SELECT MAX(height) FROM ledger_block", Long.class);
        String prev = jdbc.queryForObject("SELECT prev_hash FROM ledger_block WHERE height = ?", String.class, height);
        tamper("UPDATE ledger_block SET prev_hash = '" + "e".repeat(64) + "' WHERE height = " + height);
        try {
            TrailVerification result = verification.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.reason()).contains("ledger block");  // its batch check or the chain walk, whichever meets it first
        } finally {
            tamper("UPDATE ledger_block SET prev_hash = '" + prev + "' WHERE height = " + height);
        }

        // the stored contract version the entry proves, replaced in the database
        String hash = jdbc.queryForObject("SELECT content_hash FROM contract_version WHERE contract_id = ? AND version_no = 1",
                String.class, id);
        tamper("UPDATE contract_version SET content_hash = '" + "f".repeat(64) + "' WHERE contract_id = '" + id + "' AND version_no = 1");
        try {
            TrailVerification result = verification.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadSeq()).isEqualTo(seq);
            assertThat(result.reason()).contains("stored version 1", id);
        } finally {
            tamper("UPDATE contract_version SET content_hash = '" + hash + "' WHERE contract_id = '" + id + "' AND version_no = 1");
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void theEvidencePackageVerifiesOfflineAndAChangedFileIsNamed() throws IOException {
        String id = approvedContract();
        anchorEverything();
        HttpResponse<byte[]> response = as("drafter").getBytes("/api/v1/contracts/" + id + "/evidence-package");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, byte[]> files = unzip(response.body());
        assertThat(files).containsKeys("contract.pdf", "platform-certificate.pem", "audit-report.pdf", "events.json",
                "manifest.json", "manifest.tsr", "README.txt");
        assertThat(files.keySet()).anyMatch(n -> n.startsWith("proofs/entry-"))
                .anyMatch(n -> n.startsWith("timestamps/batch-")).anyMatch(n -> n.startsWith("anchors/batch-"));
        assertThat(new String(files.get("README.txt"), StandardCharsets.UTF_8)).contains("证据包验证说明", "verify-package");
        Path zip = dir.resolve("package.zip");
        Files.write(zip, response.body());
        Verified ok = verifyOffline(OfflineVerifier.VERIFY_PACKAGE, zip);
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("清单时间戳有效", "RESULT: VALID");

        // the guide's manual steps, with OpenSSL instead of our verifier
        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
        Files.write(unpacked.resolve("manifest.json"), files.get("manifest.json"));
        Files.write(unpacked.resolve("manifest.tsr"), files.get("manifest.tsr"));
        cn.econtract.support.Tools.Result certs = cn.econtract.support.Tools.run(unpacked, 30, "/usr/bin/openssl", "pkcs7",
                "-inform", "DER", "-in", "manifest.tsr", "-print_certs", "-out", "tsa.pem");
        assertThat(certs.exitCode()).as(certs.output()).isZero();
        cn.econtract.support.Tools.Result manual = cn.econtract.support.Tools.run(unpacked, 30, "/usr/bin/openssl", "ts", "-verify",
                "-data", "manifest.json", "-in", "manifest.tsr", "-token_in", "-CAfile", "tsa.pem");
        assertThat(manual.output()).as(manual.output()).contains("Verification: OK");

        files.put("events.json", "[]".getBytes(StandardCharsets.UTF_8));
        Path changed = dir.resolve("changed.zip");
        Files.write(changed, zip(files));
        Verified bad = verifyOffline(OfflineVerifier.VERIFY_PACKAGE, changed);
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.output()).contains("文件已被改动：events.json");
    }

    @Test
    void aSealedBatchIsTimeStampedThenAnchoredByTheWorkerAndTheProcessEnds() {
        BpmnAwareTests.init(engine);
        PurchaseDraft.create(as("drafter"), "70000", newCounterparty());
        List<cn.econtract.app.evidence.EvidenceBatch> sealed = sealing.sealDue(true);
        assertThat(sealed).isNotEmpty();
        long batchNo = sealed.get(sealed.size() - 1).batchNo();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(EvidenceSealing.PROCESS)
                .processInstanceBusinessKey("evidence-batch-" + batchNo).singleResult();
        BpmnAwareTests.assertThat(instance).isStarted().isWaitingAt("Task_Timestamp")
                .externalTask().hasTopicName("evidence-timestamp");
        worker.drain();
        BpmnAwareTests.assertThat(instance).hasPassedInOrder("StartEvent_Sealed", "Task_Timestamp", "Task_Anchor",
                "EndEvent_Anchored").isEnded();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_batch WHERE batch_no = ? AND timestamp_token IS NOT NULL "
                + "AND anchor_receipt IS NOT NULL AND ledger = 'local'", Long.class, batchNo)).isOne();
    }

    @Test
    void aStepThatKeepsFailingBecomesAnIncidentAfterItsRetries() {
        BpmnAwareTests.init(engine);
        ProcessInstance broken = runtime.startProcessInstanceByKey(EvidenceSealing.PROCESS, "evidence-batch-none",
                Map.of("batchNo", 987_654_321L, "entries", 1));
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(worker.drain()).isZero();
        }
        BpmnAwareTests.assertThat(broken).isWaitingAt("Task_Timestamp");
        org.camunda.bpm.engine.runtime.Incident incident = runtime.createIncidentQuery().processInstanceId(broken.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo("failedExternalTask");
        assertThat(incident.getIncidentMessage()).contains("987654321");
        runtime.deleteProcessInstance(broken.getId(), "test clean-up");
    }

    /** Seals everything waiting and runs the anchoring worker's tasks, as the scheduler and worker thread would. */
    void anchorEverything() {
        sealing.sealDue(true);
        worker.drain();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_batch WHERE anchor_receipt IS NULL OR timestamp_token IS NULL",
                Long.class)).isZero();
    }

    String approvedContract() {
        Http drafter = as("drafter");
        String id = PurchaseDraft.create(drafter, "80000", newCounterparty());
        JsonNode draft = Http.json(drafter.get("/api/v1/contracts/" + id + "/draft"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("baseVersion", 1);
        body.put("title", "存证测试采购合同 " + UUID.randomUUID().toString().substring(0, 6));
        body.put("clauses", JSON.convertValue(draft.at("/version/content/clauses"), List.class));
        body.put("variables", JSON.convertValue(draft.at("/version/content/variables"), Map.class));
        HttpResponse<String> saved = drafter.put("/api/v1/contracts/" + id + "/draft", body);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        HttpResponse<String> submitted = drafter.post("/api/v1/contracts/" + id + "/submit", Map.of());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        for (int guard = 0; guard < 10; guard++) {
            List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(id).active().list();
            Task task = open.stream().filter(t -> t.getTaskDefinitionKey().startsWith("Task_Approve")).findFirst().orElse(null);
            if (task == null) {
                break;
            }
            String user = task.getAssignee() != null ? task.getAssignee() : candidate(task);
            HttpResponse<String> decided = as(user).post("/api/v1/tasks/" + task.getId() + "/complete",
                    Map.of("decision", "APPROVE", "opinion", "同意"));
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
        }
        assertThat(Http.json(drafter.get("/api/v1/contracts/" + id)).get("status").asText()).isEqualTo("APPROVED");
        return id;
    }

    private long approvals(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM approval_step WHERE contract_id = ? AND action = 'APPROVED'", Long.class, id);
    }

    private String candidate(Task task) {
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (link.getUserId() != null) {
                return link.getUserId();
            }
            if (link.getGroupId() != null && DEMO_MEMBER.containsKey(link.getGroupId())) {
                return DEMO_MEMBER.get(link.getGroupId());
            }
        }
        throw new AssertionError("no demo user can take task " + task.getName());
    }

    private void tamper(String sql) {
        DatabaseOwner.execute(jdbc, databaseGuardsTheTable(), sql);
    }

    private static cn.econtract.app.evidence.EvidenceEntry entryOf(Map<String, Object> row) {
        Object at = row.get("occurred_at") != null ? row.get("occurred_at") : row.get("OCCURRED_AT");
        java.time.Instant instant = at instanceof java.time.OffsetDateTime o ? o.toInstant()
                : at instanceof java.sql.Timestamp t ? t.toInstant() : java.time.Instant.parse(at.toString());
        Object version = value(row, "version_no");
        return new cn.econtract.app.evidence.EvidenceEntry(((Number) value(row, "seq")).longValue(),
                cn.econtract.app.kernel.ContractEvent.Type.valueOf((String) value(row, "event_type")),
                (String) value(row, "contract_id"), (String) value(row, "actor"), instant,
                version == null ? null : ((Number) version).intValue(), (String) value(row, "document_hash"),
                (String) value(row, "detail"), (String) value(row, "prev_hash"), (String) value(row, "entry_hash"));
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(java.util.Locale.ROOT));
    }

    static String newCounterparty() {
        return "存证供应商" + UUID.randomUUID().toString().substring(0, 8) + "有限公司";
    }

    record Verified(int exit, String output) {
    }

    /** The verifier in this JVM, with no server access beyond the file (the separate-process run is in EvidenceWorkerProcessIT). */
    static Verified verifyOffline(String command, Path file) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = new OfflineVerifier(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run(new String[] {command, file.toString()});
        return new Verified(exit, buffer.toString(StandardCharsets.UTF_8));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
