package cn.econtract.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.econtract.app.identity.DirectoryService;
import cn.econtract.app.kernel.Sha256;
import cn.econtract.app.signing.SignatureTimeStamps;
import cn.econtract.support.Approvals;
import cn.econtract.support.DueTimers;
import cn.econtract.support.Http;
import cn.econtract.support.InternalSigning;
import cn.econtract.support.PurchaseDraft;
import cn.econtract.support.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 5: every path of contract-signing.bpmn and contract-signature.bpmn on the real application,
 * asserted with Camunda BPM Assert, and the public API end to end — drafter → approval → signers
 * with codes from the outbox → a signed PDF that Poppler and OpenSSL accept.
 *
 * <p>Policies follow the shipped signing-policy.dmn: a new counterparty signs in order with a
 * real-name check (seal use approved by legal); a known counterparty signs in parallel.
 */
abstract class SigningScenarios {

    private static final Pattern LINK = Pattern.compile("/sign/([A-Za-z0-9_-]{43})");
    /** A valid GB 11643 resident ID number (check digit X). */
    static final String ID_NUMBER = "11010519491231002X";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    DirectoryService directory;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    cn.econtract.app.storage.StorageProperties storage;
    @Autowired
    cn.econtract.app.search.SearchIndexer indexer;
    @TempDir
    Path dir;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    Http as(String user) {
        return Http.basic(port, user, "demo");
    }

    // ---- the public API, end to end ---------------------------------------------------------

    @Test
    void drafterApprovalAndEverySignerOverTheApiGiveASignedPdfThatPopplerAndOpenSslAccept() throws Exception {
        String email = "wang." + UUID.randomUUID().toString().substring(0, 8) + "@supplier.example.cn";
        String phone = phone();
        String id = approved("258000.00", newCounterparty());
        ProcessInstance signing = signing(id);
        assertThat(signing).isWaitingAt("Task_Arrange");
        assertThat(task(id, "Task_Arrange")).isAssignedTo("drafter");
        assertThat(status(id)).isEqualTo("APPROVED");

        // the drafter arranges: our seal, the general manager, the counterparty's signer (new counterparty: in order, real name)
        HttpResponse<String> arranged = as("drafter").post("/api/v1/contracts/" + id + "/signing", Map.of("signers", List.of(
                Map.of("party", "OURS", "appearance", "SEAL"),
                Map.of("party", "OURS", "appearance", "SIGNATURE", "userId", "gm"),
                Map.of("party", "COUNTERPARTY", "appearance", "SIGNATURE", "name", "王五", "email", email, "phone", phone,
                        "idNumber", ID_NUMBER))));
        assertThat(arranged.statusCode()).as(arranged.body()).isEqualTo(200);
        JsonNode plan = Http.json(arranged);
        assertThat(plan.get("order").asText()).isEqualTo("SEQUENTIAL");
        assertThat(plan.get("realName").asBoolean()).isTrue();
        assertThat(plan.get("sealApprovalNeeded").asBoolean()).isTrue();
        assertThat(status(id)).isEqualTo("SIGNING");

        // 用印审批 by legal (the policy's seal approvers), over the task API
        assertThat(signing).isWaitingAt("Task_ApproveSeal");
        Task sealApproval = task(id, "Task_ApproveSeal");
        assertThat(sealApproval).hasCandidateGroup("legal");
        assertThat(as("legal").post("/api/v1/tasks/" + sealApproval.getId() + "/complete",
                Map.of("decision", "APPROVE", "opinion", "准予用印")).statusCode()).isEqualTo(204);

        // 1: the seal custodian applies our seal with an e-mailed code
        Task sealTask = signerTask(id);
        assertThat(sealTask).hasCandidateGroup("seal");
        assertThat(Http.json(as("seal").get("/api/v1/tasks?contractId=" + id)).findValuesAsText("taskKey")).contains("Task_Sign");
        assertThat(as("gm").post("/api/v1/signing/" + sealTask.getId() + "/challenge", Map.of("channel", "EMAIL")).statusCode())
                .as("only the seal custodians reach the seal's task").isEqualTo(404);
        JsonNode sealed = signInternally("seal", sealTask.getId(), null);
        assertThat(sealed.get("authMethods").asText()).isEqualTo("EMAIL");

        // 2: the general manager signs with a drawn signature
        Task gmTask = signerTask(id);
        assertThat(gmTask).isAssignedTo("gm");
        assertThat(as("seal").get("/api/v1/signing/" + gmTask.getId()).statusCode()).isEqualTo(404);
        signInternally("gm", gmTask.getId(), handwriting());

        // 3: the counterparty through the e-mailed link, no account
        String token = linkFor(email);
        Http stranger = Http.anonymous(port);
        JsonNode view = Http.json(stranger.get("/api/v1/external-signing/" + token));
        assertThat(view.get("realName").asBoolean()).isTrue();
        assertThat(view.get("smsAvailable").asBoolean()).isTrue();
        assertThat(stranger.getBytes("/api/v1/external-signing/" + token + "/document").statusCode()).isEqualTo(200);
        HttpResponse<String> sent = stranger.post("/api/v1/external-signing/" + token + "/challenge", Map.of("channel", "SMS"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String challengeId = Http.json(sent).get("id").asText();
        HttpResponse<String> wrong = stranger.post("/api/v1/external-signing/" + token + "/sign", Map.of("factors",
                List.of(Map.of("type", "SMS", "challengeId", challengeId, "code", "000000")), "handwriting", handwriting()));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(jdbc.sql("SELECT attempts FROM signer_challenge WHERE id = :id").param("id", challengeId).query(Integer.class).single())
                .as("the wrong code counts towards the cap although the signature was refused").isEqualTo(1);
        HttpResponse<String> external = stranger.post("/api/v1/external-signing/" + token + "/sign", Map.of("factors",
                List.of(Map.of("type", "SMS", "challengeId", challengeId, "code", code(phone))), "appearance", "SIGNATURE",
                "handwriting", handwriting()));
        assertThat(external.statusCode()).as(external.body()).isEqualTo(200);
        assertThat(Http.json(external).get("authMethods").asText()).startsWith("SMS+REAL_NAME(demo:");
        assertThat(stranger.get("/api/v1/external-signing/" + token).statusCode()).as("the link is spent").isEqualTo(409);

        // everyone signed: the signing process ended signed, the contract is in force
        awaitInForce(id);
        assertThat(signing).isEnded().hasPassed("Task_LongTerm", "Task_Finish", "EndEvent_Signed");

        byte[] pdf = as("drafter").getBytes("/api/v1/contracts/" + id + "/document").body();
        String report = Tools.pdfSignatures(pdf);
        assertThat(report.split("Signature is Valid", -1)).as(report).hasSize(4);
        assertThat(report).contains("示例科技有限公司", "王五", "econtract platform tsa");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getCOSObject().getCOSDictionary(org.apache.pdfbox.cos.COSName.PERMS))
                    .as("the first signature certifies").isNotNull();
            List<PDSignatureField> fields = document.getSignatureFields();
            PDSignatureField seal = fields.stream().filter(f -> f.getPartialName().endsWith("-1")).findFirst().orElseThrow();
            assertThat(seal.getWidgets().get(0).getRectangle().getWidth()).as("the seal, about 42 mm").isGreaterThan(100f);
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                assertThat(page.getAnnotations()).as("a 骑缝章 strip on every page")
                        .filteredOn(a -> a instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp).hasSize(1);
            }
            int stamps = 0;
            for (PDSignature signature : document.getSignatureDictionaries()) {
                if ("ETSI.RFC3161".equals(signature.getSubFilter())) {
                    continue;
                }
                CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), signature.getContents(pdf));
                SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
                Path token1 = dir.resolve("token" + stamps + ".tsr");
                Files.write(token1, SignatureTimeStamps.tokenOf(info).orElseThrow());
                assertThat(Tools.run(dir, 30, "/usr/bin/openssl", "pkcs7", "-inform", "DER", "-in", token1.getFileName().toString(),
                        "-print_certs", "-out", "tsa" + stamps + ".pem").exitCode()).isZero();
                Tools.Result verify = Tools.run(dir, 30, "/usr/bin/openssl", "ts", "-verify", "-digest", Sha256.hex(info.getSignature()),
                        "-in", token1.getFileName().toString(), "-token_in", "-CAfile", "tsa" + stamps + ".pem");
                assertThat(verify.output()).as("signature %d's time-stamp", stamps).contains("Verification: OK");
                stamps++;
            }
            assertThat(stamps).isEqualTo(3);
        }

        // every revision is in the document store, and only as ciphertext (on PostgreSQL runs too: the store is a directory)
        if ("local".equals(storage.engine())) {
            List<Path> objects;
            try (var files = Files.walk(storage.localDirectory())) {
                objects = files.filter(Files::isRegularFile).filter(f -> !f.getParent().getFileName().toString().equals("tmp")).toList();
            }
            assertThat(objects).as("signed revisions stored").hasSizeGreaterThanOrEqualTo(5);
            for (Path object : objects) {
                assertThat(new String(Files.readAllBytes(object), StandardCharsets.ISO_8859_1)).as(object.toString())
                        .doesNotContain("%PDF", "/ByteRange");
            }
            assertThat(objects).extracting(f -> f.getFileName().toString()).contains(Sha256.hex(pdf));
        }

        // the verification API: valid, and the file is one we recorded (evidence found)
        JsonNode verified = Http.json(as("auditor").postMultipart("/api/v1/signatures/verify", Map.of(), "signed.pdf", pdf));
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.at("/evidence/found").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.at("/evidence/entries").size()).isGreaterThanOrEqualTo(3);

        // one flipped byte: Poppler and our API both see it
        byte[] tampered = pdf.clone();
        int at = new String(tampered, StandardCharsets.ISO_8859_1).indexOf("/Producer");
        tampered[at > 0 ? at + 12 : pdf.length / 3] ^= 0x01;
        assertThat(Tools.pdfSignatures(tampered).split("Signature is Valid", -1).length).isLessThan(4);
        JsonNode broken = Http.json(as("auditor").postMultipart("/api/v1/signatures/verify", Map.of(), "signed.pdf", tampered));
        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.at("/evidence/found").asBoolean()).isFalse();

        // search: the signed contract by a phrase of its text and by its tag; another department finds nothing
        assertThat(as("drafter").put("/api/v1/contracts/" + id + "/tags", Map.of("tags", List.of("年度框架", "")))
                .statusCode()).as("a blank tag is refused").isEqualTo(400);
        assertThat(Http.json(as("drafter").put("/api/v1/contracts/" + id + "/tags", Map.of("tags", List.of("年度框架", "重点供应商"))))
                .get("tags")).hasSize(2);
        indexer.drain();
        String body = Http.json(as("drafter").get("/api/v1/contracts/" + id)).get("body").asText();
        String phrase = java.util.Arrays.stream(body.split("[，。；：、（）()\\s,.;:]+"))
                .filter(p -> p.length() >= 8 && p.length() <= 20 && p.codePoints().allMatch(c ->
                        Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).findFirst().orElseThrow();
        JsonNode found = Http.json(as("drafter").get("/api/v1/search?q=" + java.net.URLEncoder.encode("\"" + phrase + "\"",
                StandardCharsets.UTF_8)));
        assertThat(found.get("hits").findValuesAsText("id")).as(phrase).contains(id);
        JsonNode byTag = Http.json(as("legal").get("/api/v1/search?tag=" + java.net.URLEncoder.encode("年度框架", StandardCharsets.UTF_8)
                + "&signingStatus=SIGNED"));
        assertThat(byTag.get("hits").findValuesAsText("id")).containsExactly(id);
        assertThat(Http.json(as("legal").get("/api/v1/search?q=" + java.net.URLEncoder.encode("重点供应商", StandardCharsets.UTF_8)))
                .get("hits").findValuesAsText("id")).contains(id);
        directory.ensureUser("salesrep", "销售", "周", "salesrep@demo.econtract.cn", "demo", false);
        directory.ensureMembership("salesrep", "drafter");
        directory.ensureMembership("salesrep", "sales");
        JsonNode outsider = Http.json(as("salesrep").get("/api/v1/search?tag=" + java.net.URLEncoder.encode("年度框架", StandardCharsets.UTF_8)));
        assertThat(outsider.get("total").asLong()).as("another department without the permission").isZero();

        // 签署证明: every signer with method, time-stamp time, IP, certificate and evidence ids
        HttpResponse<byte[]> certificate = as("drafter").getBytes("/api/v1/contracts/" + id + "/signing-certificate");
        assertThat(certificate.statusCode()).isEqualTo(200);
        String text = Tools.pdfText(certificate.body()).replaceAll("\\s+", "");
        assertThat(text).contains("电子合同签署证明", "盖章", "王五", "短信验证码", "实名核验", "邮件验证码", Sha256.hex(pdf).substring(0, 20));
        assertThat(text).containsPattern("#\\d+");
        assertThat(Tools.pdfSignatures(certificate.body())).contains("Signature is Valid");
        JsonNode attempts = Http.json(as("drafter").get("/api/v1/contracts/" + id + "/signing"));
        for (JsonNode s : attempts.get(0).get("signers")) {
            assertThat(text).contains(s.get("certificateSerial").asText());
        }
    }

    @Test
    void aKnownCounterpartySignsInParallelAndARefusalGoesBackToTheDrafterWhoArrangesAgain() {
        String counterparty = newCounterparty();
        approved("88000.00", counterparty);              // the first contract with them makes them known
        String id = approved("88000.00", counterparty);
        String email = "li." + UUID.randomUUID().toString().substring(0, 8) + "@buyer.example.cn";
        ProcessInstance signing = signing(id);
        JsonNode plan = Http.json(as("drafter").post("/api/v1/contracts/" + id + "/signing", Map.of("signers", List.of(
                Map.of("party", "OURS", "appearance", "SIGNATURE", "userId", "manager"),
                Map.of("party", "COUNTERPARTY", "appearance", "SEAL", "name", "李四", "email", email)))));
        assertThat(plan.get("order").asText()).isEqualTo("PARALLEL");
        assertThat(plan.get("sealApprovalNeeded").asBoolean()).isFalse();
        assertThat(signing).isWaitingAt("CallActivity_Together");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("Task_Sign").count())
                .as("both signers at once").isEqualTo(2);

        // Tasklist cannot complete a signature without one
        Task managerTask = tasks.createTaskQuery().processInstanceBusinessKey(id).taskAssignee("manager").singleResult();
        identity.setAuthentication("manager", List.of("manager", "purchasing"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(managerTask.getId()))
                    .hasMessageContaining("error.signing.signOnThePage");
        } finally {
            identity.clearAuthentication();
        }

        // the counterparty refuses with a reason: the attempt stops, the manager's task is withdrawn, the drafter arranges again
        String token = linkFor(email);
        assertThat(Http.anonymous(port).post("/api/v1/external-signing/" + token + "/refuse", Map.of("reason", " ")).statusCode())
                .isEqualTo(400);
        assertThat(Http.anonymous(port).post("/api/v1/external-signing/" + token + "/refuse", Map.of("reason", "价格条款需再谈"))
                .statusCode()).isEqualTo(204);
        assertThat(signing).hasPassed("Boundary_TogetherRefused", "Task_Stop").isWaitingAt("Task_Arrange");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("Task_Sign").count()).isZero();
        assertThat(status(id)).isEqualTo("APPROVED");
        JsonNode first = Http.json(as("drafter").get("/api/v1/contracts/" + id + "/signing")).get(0);
        assertThat(first.get("status").asText()).isEqualTo("STOPPED");
        assertThat(first.get("endReason").asText()).contains("李四", "价格条款需再谈");
        assertThat(Http.json(as("drafter").get("/api/v1/me/notifications")).findValuesAsText("title"))
                .anyMatch(t -> t.contains("签署中止") && t.contains("价格条款需再谈"));

        // arranged again, only our manager this time; signs with an e-mailed code and a drawn signature
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/signing", Map.of("signers", List.of(
                Map.of("party", "OURS", "appearance", "SIGNATURE", "userId", "manager")))).statusCode()).isEqualTo(200);
        assertThat(Http.json(as("drafter").get("/api/v1/contracts/" + id + "/signing"))).hasSize(2);
        signInternally("manager", signerTask(id).getId(), handwriting());
        awaitInForce(id);
        assertThat(signing).isEnded().hasPassed("EndEvent_Signed");
    }

    @Test
    void theDeadlinePassesRemindersRenewTheLinkAndTheDrafterCancelsInTasklist() {
        String id = approved("88000.00", newCounterparty());
        String email = "zhao." + UUID.randomUUID().toString().substring(0, 8) + "@supplier.example.cn";
        ProcessInstance signing = signing(id);
        ProcessInstance life = lifecycle(id);
        as("drafter").post("/api/v1/contracts/" + id + "/signing", Map.of("signers", List.of(
                Map.of("party", "COUNTERPARTY", "appearance", "SIGNATURE", "name", "赵六", "email", email, "phone", phone(),
                        "idNumber", ID_NUMBER))));
        assertThat(signing).isWaitingAt("CallActivity_InOrder");
        String firstLink = linkFor(email);
        ProcessInstance signer = runtime.createProcessInstanceQuery().processDefinitionKey("contract-signature")
                .processInstanceBusinessKey(id).singleResult();
        assertThat(signer).isWaitingAt("Task_Sign");

        // a day later: 催签 with a new link, the old one stops working
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(1)).plusSeconds(60)));
        runDue(signer.getId());
        assertThat(signer).hasPassed("Task_Remind", "EndEvent_Reminded").isWaitingAt("Task_Sign");
        String secondLink = linkFor(email);
        assertThat(secondLink).isNotEqualTo(firstLink);
        assertThat(Http.anonymous(port).get("/api/v1/external-signing/" + firstLink).statusCode()).isEqualTo(404);
        assertThat(Http.anonymous(port).get("/api/v1/external-signing/" + secondLink).statusCode()).isEqualTo(200);

        // the policy's deadline (7 days) passes: the attempt stops and the drafter decides
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(8))));
        runDue(signing.getId());
        assertThat(signing).hasPassed("Boundary_InOrderExpired", "Task_Stop").isWaitingAt("Task_Arrange");
        assertThat(Http.json(as("drafter").get("/api/v1/contracts/" + id + "/signing")).get(0).get("endReason").asText())
                .isEqualTo("EXPIRED");
        assertThat(Http.anonymous(port).get("/api/v1/external-signing/" + secondLink).statusCode()).isEqualTo(409);

        // in Tasklist the drafter can only cancel, with a reason; the contract is terminated
        Task arrange = task(id, "Task_Arrange");
        identity.setAuthentication("drafter", List.of("drafter", "purchasing"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(arrange.getId(), Map.of("arrangement", "START")))
                    .hasMessageContaining("error.signing.arrangeInUi");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(arrange.getId(), Map.of("arrangement", "CANCEL")))
                    .hasMessageContaining("error.signing.cancelReason");
            tasks.complete(arrange.getId(), Map.of("arrangement", "CANCEL", "arrangementNote", "对方不再采购"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(signing).isEnded().hasPassed("Task_Cancel", "EndEvent_Cancelled");
        assertThat(life).isEnded().hasPassed("Boundary_SigningCancelled", "EndEvent_SigningCancelled");
        assertThat(status(id)).isEqualTo("TERMINATED");
    }

    @Test
    void aParallelAttemptExpiresAndASequentialOneIsRefused() {
        // known counterparty: in parallel; the deadline passes with nobody signed
        String counterparty = newCounterparty();
        approved("88000.00", counterparty);
        String parallel = approved("88000.00", counterparty);
        ProcessInstance together = signing(parallel);
        as("drafter").post("/api/v1/contracts/" + parallel + "/signing", Map.of("signers", List.of(
                Map.of("party", "OURS", "appearance", "SIGNATURE", "userId", "manager"))));
        assertThat(together).isWaitingAt("CallActivity_Together");
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(8))));
        runDue(together.getId());
        assertThat(together).hasPassed("Boundary_TogetherExpired", "Task_Stop").isWaitingAt("Task_Arrange");
        assertThat(status(parallel)).isEqualTo("APPROVED");
        ClockUtil.reset();

        // new counterparty: in order; our signer refuses with a reason
        String sequential = approved("88000.00", newCounterparty());
        ProcessInstance inOrder = signing(sequential);
        as("drafter").post("/api/v1/contracts/" + sequential + "/signing", Map.of("signers", List.of(
                Map.of("party", "OURS", "appearance", "SIGNATURE", "userId", "manager"))));
        String taskId = signerTask(sequential).getId();
        assertThat(as("drafter").post("/api/v1/signing/" + taskId + "/refuse", Map.of("reason", "x")).statusCode())
                .as("only the signer refuses").isEqualTo(404);
        assertThat(as("manager").post("/api/v1/signing/" + taskId + "/refuse", Map.of("reason", "金额需复核")).statusCode())
                .isEqualTo(204);
        assertThat(inOrder).hasPassed("Boundary_InOrderRefused", "Task_Stop").isWaitingAt("Task_Arrange");
        assertThat(Http.json(as("drafter").get("/api/v1/contracts/" + sequential + "/signing")).get(0).get("endReason").asText())
                .contains("金额需复核");
    }

    @Test
    void refusedSealUseStopsTheAttemptAndNobodyReachesWhatIsNotTheirs() {
        String id = approved("258000.00", newCounterparty());
        ProcessInstance signing = signing(id);
        Map<String, Object> ours = Map.of("party", "OURS", "appearance", "SEAL");
        // bad arrangements change nothing
        HttpResponse<String> bad = as("drafter").post("/api/v1/contracts/" + id + "/signing", Map.of("signers", List.of(ours, ours,
                Map.of("party", "OURS", "appearance", "SIGNATURE", "userId", "finance"),
                Map.of("party", "COUNTERPARTY", "appearance", "SIGNATURE", "name", "钱七", "email", "no-at-sign"))));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("signers[1].appearance", "signers[2].userId", "signers[3].email", "signers[3].idNumber");
        assertThat(signing).isWaitingAt("Task_Arrange");
        assertThat(as("legal").post("/api/v1/contracts/" + id + "/signing", Map.of("signers", List.of(ours))).statusCode())
                .as("legal may not submit contracts").isEqualTo(403);
        String otherDepartment = approvedBy("salesrep");
        assertThat(as("drafter").post("/api/v1/contracts/" + otherDepartment + "/signing", Map.of("signers", List.of(ours)))
                .statusCode()).as("another department's contract").isEqualTo(404);

        as("drafter").post("/api/v1/contracts/" + id + "/signing", Map.of("signers", List.of(ours)));
        Task approval = task(id, "Task_ApproveSeal");
        assertThat(as("legal").post("/api/v1/tasks/" + approval.getId() + "/complete", Map.of("decision", "REJECT")).statusCode())
                .as("refusing needs an opinion").isEqualTo(400);
        assertThat(as("legal").post("/api/v1/tasks/" + approval.getId() + "/complete",
                Map.of("decision", "REJECT", "opinion", "用印事由不充分")).statusCode()).isEqualTo(204);
        assertThat(signing).hasPassed("Gateway_SealDecision", "Task_Stop").isWaitingAt("Task_Arrange");
        JsonNode attempt = Http.json(as("drafter").get("/api/v1/contracts/" + id + "/signing")).get(0);
        assertThat(attempt.get("endReason").asText()).contains("SEAL_REFUSED", "用印事由不充分");

        // garbage links, unknown tasks, a PNG that is not one
        assertThat(Http.anonymous(port).get("/api/v1/external-signing/not-a-token").statusCode()).isEqualTo(404);
        assertThat(Http.anonymous(port).get("/api/v1/signing/" + approval.getId()).statusCode()).isEqualTo(401);
        assertThat(as("gm").put("/api/v1/me/handwriting", Map.of("png", Base64.getEncoder().encodeToString("GIF89a".getBytes())))
                .statusCode()).isEqualTo(415);
        assertThat(as("gm").put("/api/v1/me/handwriting", Map.of("png", blankPng())).statusCode()).isEqualTo(400);
        assertThat(as("drafter").post("/api/v1/seals", Map.of("organisation", "伪造公司", "sealType", "公章")).statusCode()).isEqualTo(403);
    }

    @Test
    void oneAuthenticationSignsABatchEachContractWithItsOwnSignature() throws Exception {
        // a general manager of their own: codes are rate-limited per person, and other tests sign as gm
        directory.ensureUser("gm2", "副总", "孙", "gm2@demo.econtract.cn", "demo", false);
        directory.ensureMembership("gm2", "gm");
        String counterparty = newCounterparty();
        approved("88000.00", counterparty);
        List<String> ids = List.of(approved("66000.00", counterparty), approved("77000.00", counterparty));
        List<String> taskIds = new ArrayList<>();
        for (String id : ids) {
            assertThat(as("drafter").post("/api/v1/contracts/" + id + "/signing", Map.of("signers", List.of(
                    Map.of("party", "OURS", "appearance", "SIGNATURE", "userId", "gm2")))).statusCode()).isEqualTo(200);
            taskIds.add(signerTask(id).getId());
        }
        assertThat(as("gm2").put("/api/v1/me/handwriting", Map.of("png", handwriting())).statusCode()).isEqualTo(204);
        HttpResponse<String> sent = as("gm2").post("/api/v1/signing/batch/challenge", Map.of("taskIds", taskIds, "channel", "EMAIL"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String challengeId = Http.json(sent).get("id").asText();
        String code = code(directory.user("gm2").orElseThrow().getEmail());
        // the code is bound to this set: it does not sign one of them alone
        assertThat(as("gm2").post("/api/v1/signing/" + taskIds.get(0) + "/sign", Map.of("factors",
                List.of(Map.of("type", "EMAIL", "challengeId", challengeId, "code", code)))).statusCode()).isEqualTo(400);
        HttpResponse<String> started = as("gm2").post("/api/v1/signing/batch", Map.of("taskIds", taskIds, "factors",
                List.of(Map.of("type", "EMAIL", "challengeId", challengeId, "code", code))));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String batchId = Http.json(started).get("id").asText();
        assertThat(as("seal").get("/api/v1/signing/batch/" + batchId).statusCode()).as("only its owner").isEqualTo(404);
        JsonNode progress = null;
        for (int i = 0; i < 100; i++) {
            progress = Http.json(as("gm2").get("/api/v1/signing/batch/" + batchId));
            if (progress.get("finished").asBoolean()) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(progress.get("finished").asBoolean()).as(progress.toString()).isTrue();
        assertThat(progress.get("signed").asInt()).as(progress.toString()).isEqualTo(2);
        java.util.Set<String> serials = new java.util.HashSet<>();
        for (String id : ids) {
            awaitInForce(id);
            JsonNode signer = Http.json(as("drafter").get("/api/v1/contracts/" + id + "/signing")).get(0).get("signers").get(0);
            assertThat(signer.get("authMethods").asText()).isEqualTo("BATCH:EMAIL");
            byte[] pdf = as("drafter").getBytes("/api/v1/contracts/" + id + "/document").body();
            assertThat(Tools.pdfSignatures(pdf)).contains("Signature is Valid");
            serials.add(signer.get("certificateSerial").asText());
        }
        assertThat(serials).as("one person, one certificate").hasSize(1);
    }

    @Test
    void aMajorContractNeedsTwoFactorsAColleagueUsesAPasskeyAndAnAuthenticatorApp() {
        directory.ensureUser("pkuser", "钥", "郑", "pkuser@demo.econtract.cn", "demo", false);
        directory.ensureMembership("pkuser", "gm");
        String origin = "http://localhost:" + port;
        // the authenticator app: enrolled with the secret shown once, confirmed with its first code
        JsonNode enrolment = Http.json(as("pkuser").post("/api/v1/me/totp", Map.of()));
        assertThat(enrolment.get("uri").asText()).startsWith("otpauth://totp/econtract:pkuser?secret=");
        byte[] secret = base32(enrolment.get("secret").asText());
        long step = Instant.now().getEpochSecond() / cn.econtract.app.signing.Totp.STEP_SECONDS;
        assertThat(as("pkuser").post("/api/v1/me/totp/confirm", Map.of("code", "000000")).statusCode()).isEqualTo(400);
        assertThat(as("pkuser").post("/api/v1/me/totp/confirm", Map.of("code",
                cn.econtract.app.signing.Totp.code(secret, step, 6))).statusCode()).isEqualTo(204);
        // the passkey: the phone's own face or fingerprint unlock; we keep only its public key
        cn.econtract.support.SoftAuthenticator phone = new cn.econtract.support.SoftAuthenticator();
        JsonNode registration = Http.json(as("pkuser").post("/api/v1/me/passkeys/options", Map.of()));
        assertThat(registration.get("rpId").asText()).isEqualTo("localhost");
        assertThat(as("pkuser").post("/api/v1/me/passkeys", Map.of("challengeId", registration.get("challengeId").asText(),
                "response", phone.register(registration, "https://phishing.example"))).statusCode())
                .as("another origin is refused").isEqualTo(400);
        registration = Http.json(as("pkuser").post("/api/v1/me/passkeys/options", Map.of()));
        HttpResponse<String> registered = as("pkuser").post("/api/v1/me/passkeys", Map.of("challengeId",
                registration.get("challengeId").asText(), "response", phone.register(registration, origin)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        // ¥6,000,000: signing-policy.dmn asks two different factors of every signature
        String id = approved("6000000.00", newCounterparty());
        JsonNode plan = Http.json(as("drafter").post("/api/v1/contracts/" + id + "/signing", Map.of("signers", List.of(
                Map.of("party", "OURS", "appearance", "SIGNATURE", "userId", "pkuser")))));
        assertThat(plan.get("factorCount").asInt()).isEqualTo(2);
        String taskId = signerTask(id).getId();
        JsonNode view = Http.json(as("pkuser").get("/api/v1/signing/" + taskId));
        assertThat(view.get("passkeyAvailable").asBoolean()).isTrue();
        assertThat(view.get("totpAvailable").asBoolean()).isTrue();

        JsonNode challenge = Http.json(as("pkuser").post("/api/v1/signing/" + taskId + "/passkey", Map.of()));
        Map<String, Object> passkey = Map.of("type", "PASSKEY", "challengeId", challenge.get("challengeId").asText(),
                "assertion", phone.assertion(challenge, origin));
        HttpResponse<String> oneFactor = as("pkuser").post("/api/v1/signing/" + taskId + "/sign",
                Map.of("factors", List.of(passkey), "handwriting", handwriting()));
        assertThat(oneFactor.statusCode()).isEqualTo(400);
        assertThat(oneFactor.body()).contains("2");
        HttpResponse<String> replayed = as("pkuser").post("/api/v1/signing/" + taskId + "/sign", Map.of("factors", List.of(passkey,
                Map.of("type", "TOTP", "code", "000000")), "handwriting", handwriting()));
        assertThat(replayed.statusCode()).as("a spent passkey challenge does not count twice").isEqualTo(400);
        assertThat(replayed.body()).contains("factors[0].code");

        challenge = Http.json(as("pkuser").post("/api/v1/signing/" + taskId + "/passkey", Map.of()));
        long now = Instant.now().getEpochSecond() / cn.econtract.app.signing.Totp.STEP_SECONDS;
        HttpResponse<String> signed = as("pkuser").post("/api/v1/signing/" + taskId + "/sign", Map.of("factors", List.of(
                Map.of("type", "PASSKEY", "challengeId", challenge.get("challengeId").asText(), "assertion", phone.assertion(challenge, origin)),
                Map.of("type", "TOTP", "code", cn.econtract.app.signing.Totp.code(secret, Math.max(now, step) + 1, 6))),
                "handwriting", handwriting()));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(Http.json(signed).get("authMethods").asText()).isEqualTo("PASSKEY+TOTP");
        awaitInForce(id);
    }

    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    // ---- helpers ----------------------------------------------------------------------------

    String newCounterparty() {
        return "供应商" + UUID.randomUUID().toString().substring(0, 8) + "有限公司";
    }

    static String phone() {
        return "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
    }

    /** A contract drafted by {@code drafter} and approved by every level over the task API. */
    String approved(String amount, String counterparty) {
        String id = PurchaseDraft.create(as("drafter"), amount, counterparty);
        return approve(id, "drafter");
    }

    String approvedBy(String drafter) {
        directory.ensureUser(drafter, "销售", "周", drafter + "@demo.econtract.cn", "demo", false);
        directory.ensureMembership(drafter, "drafter");
        directory.ensureMembership(drafter, "sales");
        String id = PurchaseDraft.create(as(drafter), "50000.00", newCounterparty());
        return approve(id, drafter);
    }

    private String approve(String id, String drafter) {
        Approvals.approveAll(id, drafter, this::as, tasks, group -> directory.members(group, null));
        return id;
    }

    ProcessInstance signing(String contractId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("contract-signing").processInstanceBusinessKey(contractId)
                .singleResult();
    }

    ProcessInstance lifecycle(String contractId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("contract-lifecycle").processInstanceBusinessKey(contractId)
                .singleResult();
    }

    Task task(String contractId, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(contractId).taskDefinitionKey(key).singleResult();
    }

    Task signerTask(String contractId) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(contractId).taskDefinitionKey("Task_Sign").list();
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    void awaitInForce(String contractId) {
        cn.econtract.support.SignedContracts.awaitStatus(as("drafter"), contractId, "IN_FORCE");
    }

    String status(String contractId) {
        return statusAs("drafter", contractId);
    }

    String statusAs(String user, String contractId) {
        return Http.json(as(user).get("/api/v1/contracts/" + contractId)).get("status").asText();
    }

    /** Challenge by e-mail, read the code from the outbox, sign. */
    JsonNode signInternally(String user, String taskId, String png) {
        return InternalSigning.sign(this::as, directory, user, taskId, png);
    }

    String code(String destination) {
        return InternalSigning.code(this::as, destination);
    }

    String linkFor(String email) {
        JsonNode outbox = Http.json(as("admin").get("/api/v1/notifications/outbox?destination=" + email));
        for (JsonNode message : outbox) {
            Matcher m = LINK.matcher(message.get("body").asText());
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no signing link in " + outbox);
    }

    private void runDue(String processInstanceId) {
        DueTimers.run(management, processInstanceId);
    }

    static String handwriting() {
        return InternalSigning.handwriting();
    }

    static String blankPng() {
        return InternalSigning.blankPng();
    }
}
