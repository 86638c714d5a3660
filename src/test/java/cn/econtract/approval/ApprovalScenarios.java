package cn.econtract.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.econtract.app.approval.ApprovalTasks;
import cn.econtract.app.approval.TaskSummary;
import cn.econtract.app.identity.DirectoryService;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.support.Http;
import cn.econtract.support.PurchaseDraft;
import cn.econtract.support.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 4: every path of contract-lifecycle.bpmn and contract-approval.bpmn on the real
 * application (real delegates, services, database), asserted with Camunda BPM Assert, plus the
 * public API end to end. Approvers decide either as Camunda Tasklist does (engine calls under
 * their Camunda authentication, authorizations checked) or through our API.
 *
 * <p>Routes follow the shipped approval-routing.dmn: every contract here has a new counterparty.
 * ¥258,000 → 10 department head (或签) → 20 legal (或签) → 30 finance (或签). ¥6,000,000 → those,
 * then 35 legal + finance (会签), then 40 finance → general manager (逐级).
 */
abstract class ApprovalScenarios {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    DirectoryService directory;
    @Autowired
    ApprovalTasks approvalTasks;
    @Autowired
    cn.econtract.app.approval.TaskInbox taskInbox;
    @Autowired
    cn.econtract.app.identity.AccessService access;

    @BeforeEach
    void organisation() {
        BpmnAwareTests.init(engine);
        // a second lawyer for 或签 between two people
        directory.ensureUser("legal2", "律二", "李", "legal2@demo.econtract.cn", "demo", false);
        directory.ensureMembership("legal2", "legaldept");
        directory.ensureMembership("legal2", "legal");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        SecurityContextHolder.clearContext();
    }

    Http as(String user) {
        return Http.basic(port, user, "demo");
    }

    String draft(String amount) {
        return PurchaseDraft.create(as("drafter"), amount, "供应商" + UUID.randomUUID().toString().substring(0, 8) + "有限公司");
    }

    ProcessInstance submit(String contractId) {
        HttpResponse<String> r = as("drafter").post("/api/v1/contracts/" + contractId + "/submit", Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return lifecycle(contractId);
    }

    ProcessInstance lifecycle(String contractId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("contract-lifecycle")
                .processInstanceBusinessKey(contractId).singleResult();
    }

    ProcessInstance approval(String contractId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("contract-approval")
                .processInstanceBusinessKey(contractId).active().singleResult();
    }

    List<Task> open(String contractId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(contractId).active().orderByTaskCreateTime().asc().list();
    }

    Task only(String contractId) {
        List<Task> open = open(contractId);
        assertThat(open).as("open tasks of " + contractId).hasSize(1);
        return open.get(0);
    }

    /** As Camunda Tasklist does it: claim, then submit the form, under the user's Camunda authentication. */
    void decideInTasklist(String user, Task task, String decision, String opinion) {
        List<String> groups = new ArrayList<>(directory.rolesOf(user));
        directory.departmentsOf(user).forEach(d -> groups.add(d.id()));
        identity.setAuthentication(user, groups);
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), user);
            }
            java.util.HashMap<String, Object> form = new java.util.HashMap<>();
            form.put("decision", decision);
            form.put("opinion", opinion);
            tasks.complete(task.getId(), form);
        } finally {
            identity.clearAuthentication();
        }
    }

    HttpResponse<String> decideOverApi(String user, String taskId, String decision, String opinion) {
        java.util.HashMap<String, Object> body = new java.util.HashMap<>();
        body.put("decision", decision);
        body.put("opinion", opinion);
        return as(user).post("/api/v1/tasks/" + taskId + "/complete", body);
    }

    JsonNode trail(String contractId) {
        return Http.json(as("drafter").get("/api/v1/contracts/" + contractId + "/approvals"));
    }

    String status(String contractId) {
        return Http.json(as("drafter").get("/api/v1/contracts/" + contractId)).get("status").asText();
    }

    /** The drafter saves the current version with another delivery place, as the editor does. */
    HttpResponse<String> saveDraft(String id, String deliveryPlace) {
        JsonNode draft = Http.json(as("drafter").get("/api/v1/contracts/" + id + "/draft"));
        List<Map<String, Object>> clauses = new ArrayList<>();
        for (JsonNode c : draft.at("/version/content/clauses")) {
            Map<String, Object> clause = new java.util.LinkedHashMap<>();
            c.fields().forEachRemaining(f -> clause.put(f.getKey(), f.getValue().isInt() ? f.getValue().asInt() : f.getValue().asText()));
            clause.remove("modified");
            clauses.add(clause);
        }
        Map<String, Object> variables = new com.fasterxml.jackson.databind.ObjectMapper()
                .convertValue(draft.at("/version/content/variables"), Map.class);
        variables.put("deliveryPlace", deliveryPlace);
        int base = Http.json(as("drafter").get("/api/v1/contracts/" + id)).get("currentVersion").asInt();
        return as("drafter").put("/api/v1/contracts/" + id + "/draft", Map.of("baseVersion", base, "clauses", clauses,
                "variables", variables));
    }

    List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    }

    // ---- the public API, end to end ---------------------------------------------------------

    /**
     * The inbox's native query answers exactly what the engine's task query with {@link ApprovalTasks#visible}
     * answers, for every demo user: group tasks, claimed ones (gone from the group, there for the
     * claimant), a suspended one (gone), and the per-contract filter.
     */
    @Test
    void theInboxQueryFindsTheSameTasksAsTheEngineQuery() {
        String first = draft("258000.00");
        submit(first);
        String second = draft("1800000.00");
        submit(second);
        decideOverApi("manager", only(second).getId(), "APPROVE", "同意");
        String third = draft("66000.00");
        submit(third);
        decideOverApi("manager", only(third).getId(), "APPROVE", "同意");
        tasks.claim(only(third).getId(), "legal2");  // legal's group task, now legal2's alone
        String fourth = draft("88000.00");
        ProcessInstance suspended = submit(fourth);
        runtime.suspendProcessInstanceById(runtime.createProcessInstanceQuery().superProcessInstanceId(suspended.getId())
                .singleResult().getId());
        try {
            int compared = 0;
            for (String user : List.of("drafter", "manager", "legal", "legal2", "finance", "gm", "seal", "archivist", "auditor", "admin")) {
                cn.econtract.app.identity.UserProfile profile = access.profile(user);
                List<String> engine = approvalTasks.visible(tasks.createTaskQuery(), profile).list().stream().map(Task::getId).sorted().toList();
                List<TaskSummary> summaries = taskInbox.openTasksOf(profile, null, 10_000);
                List<String> inbox = summaries.stream().map(TaskSummary::id).sorted().toList();
                assertThat(inbox).as(user).isEqualTo(engine);
                for (TaskSummary summary : summaries) {
                    // the variables read in one query are what the engine resolves for each task
                    Map<String, Object> v = tasks.getVariables(summary.id(), List.of("contractId", "contractNo", "title",
                            "levelNumber", "levelName", "levelMode"));
                    assertThat(summary).as(user + " " + summary.id()).extracting(TaskSummary::contractId, TaskSummary::contractNo,
                            TaskSummary::title, TaskSummary::level, TaskSummary::levelName, TaskSummary::levelMode)
                            .containsExactly(v.get("contractId"), v.get("contractNo"), v.get("title"), v.get("levelNumber"),
                                    v.get("levelName"), v.get("levelMode"));
                }
                compared += inbox.size();
                for (String contract : List.of(first, second, third, fourth)) {
                    assertThat(taskInbox.openTasksOf(profile, contract, 100)).as(user + " " + contract).extracting(TaskSummary::id)
                            .containsExactlyInAnyOrderElementsOf(approvalTasks.visible(tasks.createTaskQuery()
                                    .processInstanceBusinessKey(contract), profile).list().stream().map(Task::getId).toList());
                }
            }
            assertThat(compared).as("tasks seen in all").isGreaterThanOrEqualTo(3);
            assertThat(taskInbox.openTasksOf(access.profile("legal2"), third, 10)).hasSize(1);
            assertThat(taskInbox.openTasksOf(access.profile("legal"), third, 10)).as("claimed by legal2").isEmpty();
            assertThat(taskInbox.openTasksOf(access.profile("manager"), fourth, 10)).as("suspended").isEmpty();
            List<TaskSummary> manager = taskInbox.openTasksOf(access.profile("manager"), null, 10_000);
            assertThat(manager).extracting(TaskSummary::created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        } finally {
            runtime.activateProcessInstanceById(runtime.createProcessInstanceQuery().superProcessInstanceId(suspended.getId())
                    .singleResult().getId());
        }
    }

    @Test
    void submittedContractReachesEachLevelsApproversAndTheSignedAuditReportPrintsEveryOpinion() {
        String id = draft("258000.00");
        ProcessInstance life = submit(id);
        assertThat(life).isStarted().isWaitingAt("CallActivity_Approval");
        assertThat(status(id)).isEqualTo("IN_APPROVAL");

        // level 10: the purchasing department's head, by name; nobody else sees it
        JsonNode managerTasks = Http.json(as("manager").get("/api/v1/tasks?contractId=" + id));
        assertThat(managerTasks).hasSize(1);
        assertThat(managerTasks.get(0).get("levelName").asText()).isEqualTo("部门负责人审批");
        assertThat(Http.json(as("legal").get("/api/v1/tasks?contractId=" + id))).isEmpty();
        assertThat(Http.json(as("drafter").get("/api/v1/tasks?contractId=" + id))).isEmpty();
        // Tasklist sees the same task through the engine REST API under Camunda's authorizations
        assertThat(Http.json(as("manager").get("/engine-rest/task?processInstanceBusinessKey=" + id))).hasSize(1);
        assertThat(Http.json(as("legal").get("/engine-rest/task?processInstanceBusinessKey=" + id))).isEmpty();
        // Tasklist renders the Camunda Form kept in forms/, with the decision and the opinion
        String taskId = managerTasks.get(0).get("id").asText();
        HttpResponse<String> form = as("manager").get("/engine-rest/task/" + taskId + "/deployed-form");
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(Http.json(form).get("id").asText()).isEqualTo("approval-decision");
        assertThat(Http.json(form).get("components").findValuesAsText("key")).contains("decision", "opinion");
        assertThat(Http.json(as("manager").get("/engine-rest/task/" + taskId + "/form-variables")).has("contractNo")).isTrue();
        assertThat(decideOverApi("manager", managerTasks.get(0).get("id").asText(), "APPROVE", "同意采购").statusCode()).isEqualTo(204);

        // level 20: legal, 或签 to the group; level 30: finance from ¥100,000
        Task legal = only(id);
        assertThat(legal).hasCandidateGroup("legal");
        assertThat(Http.json(as("legal").get("/engine-rest/task?processInstanceBusinessKey=" + id))).hasSize(1);
        decideInTasklist("legal", legal, "APPROVE", "条款符合公司标准文本");
        Task finance = only(id);
        assertThat(finance).hasCandidateGroup("finance");
        assertThat(decideOverApi("finance", finance.getId(), "APPROVE", null).statusCode()).isEqualTo(204);

        assertThat(status(id)).isEqualTo("APPROVED");
        assertThat(life).isWaitingAt("CallActivity_Signing");
        assertThat(only(id)).as("the drafter arranges the signers next").isAssignedTo("drafter").hasDefinitionKey("Task_Arrange");

        JsonNode round = trail(id).get("rounds").get(0);
        assertThat(round.get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(round.get("route")).hasSize(3);
        List<String> actions = round.get("steps").findValuesAsText("action");
        assertThat(actions).containsSubsequence("SUBMITTED", "APPROVED", "APPROVED", "APPROVED");
        assertThat(round.get("steps").findValuesAsText("actor")).contains("drafter", "manager", "legal", "finance");
        assertThat(round.get("steps").findValuesAsText("contractVersion")).containsOnly("1");

        HttpResponse<byte[]> report = as("auditor").getBytes("/api/v1/contracts/" + id + "/audit-report");
        assertThat(report.statusCode()).isEqualTo(200);
        String text = Tools.pdfText(report.body()).replaceAll("\\s+", "");
        String pdfHash = as("drafter").getBytes("/api/v1/contracts/" + id + "/document").headers().firstValue("X-Content-SHA256").orElseThrow();
        assertThat(text).contains("合同审批记录报告", "同意采购", "条款符合公司标准文本", "部门负责人审批", pdfHash.substring(0, 24));
        String signature = Tools.pdfSignatures(report.body());
        assertThat(signature).contains("Signature is Valid");
        byte[] tampered = report.body().clone();
        int at = new String(tampered, StandardCharsets.ISO_8859_1).indexOf("/Title");
        tampered[at + 9] ^= 0x01;
        assertThat(Tools.pdfSignatures(tampered)).doesNotContain("Signature is Valid");
    }

    @Test
    void anyOneOfCompletesWithTheFirstDecisionAndTwoApproversAtTheSameMomentCountOnce() throws Exception {
        String id = draft("258000.00");
        submit(id);
        decideInTasklist("manager", only(id), "APPROVE", null);
        Task legal = only(id);
        assertThat(legal).hasCandidateGroup("legal").isNotAssigned();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        for (String user : List.of("legal", "legal2")) {
            results.add(pool.submit((Callable<String>) () -> {
                SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
                start.await();
                try {
                    approvalTasks.complete(legal.getId(), "APPROVE", user + " 同意");
                    return "ok";
                } catch (BusinessException e) {
                    return e.code().name();
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsExactlyInAnyOrder("ok", "STATE_CONFLICT");
        List<JsonNode> legalDecisions = new ArrayList<>();
        trail(id).get("rounds").get(0).get("steps").forEach(s -> {
            if (Integer.valueOf(20).equals(s.path("level").isMissingNode() || s.get("level").isNull() ? null : s.get("level").asInt())
                    && "APPROVED".equals(s.get("action").asText())) {
                legalDecisions.add(s);
            }
        });
        assertThat(legalDecisions).hasSize(1);
        assertThat(only(id)).hasCandidateGroup("finance");
    }

    @Test
    void anyOneOfRejectionNeedsAnOpinionAndEndsTheContract() {
        String id = draft("258000.00");
        ProcessInstance life = submit(id);
        decideInTasklist("manager", only(id), "APPROVE", null);
        Task legal = only(id);
        // Tasklist shows the engine's message when the opinion is missing; nothing changes
        assertThatThrownBy(() -> decideInTasklist("legal", legal, "REJECT", " "))
                .hasMessageContaining("驳回或退回时必须填写审批意见");
        assertThat(only(id).getId()).isEqualTo(legal.getId());
        HttpResponse<String> noOpinion = decideOverApi("legal", legal.getId(), "REJECT", null);
        assertThat(noOpinion.statusCode()).isEqualTo(400);
        assertThat(noOpinion.body()).contains("opinion");

        decideInTasklist("legal", tasks.createTaskQuery().taskId(legal.getId()).singleResult(), "REJECT", "违约责任条款缺失");
        assertThat(status(id)).isEqualTo("REJECTED");
        assertThat(life).isEnded().hasPassed("EndEvent_Rejected");
        assertThat(trail(id).get("rounds").get(0).get("outcome").asText()).isEqualTo("REJECTED");
    }

    @Test
    void countersignNeedsEveryApproverAndSequentialGoesInOrder() {
        String id = draft("6000000.00");
        ProcessInstance life = submit(id);
        decideInTasklist("manager", only(id), "APPROVE", null);
        decideInTasklist("legal", only(id), "APPROVE", null);
        decideInTasklist("finance", only(id), "APPROVE", null);

        // level 35 会签: legal and finance each hold a task; one approval is not enough
        List<Task> together = open(id);
        assertThat(together).hasSize(2);
        assertThat(together.stream().flatMap(t -> candidateGroups(t).stream())).containsExactlyInAnyOrder("legal", "finance");
        Task legalTask = together.stream().filter(t -> candidateGroups(t).contains("legal")).findFirst().orElseThrow();
        decideInTasklist("legal", legalTask, "APPROVE", "会签同意");
        assertThat(open(id)).hasSize(1);
        decideInTasklist("finance", only(id), "APPROVE", "资金安排可行");

        // level 40 逐级: finance first, the general manager only after
        Task first = only(id);
        assertThat(first.getTaskDefinitionKey()).isEqualTo("Task_ApproveInTurn");
        assertThat(first).hasCandidateGroup("finance");
        decideInTasklist("finance", first, "APPROVE", null);
        Task second = only(id);
        assertThat(second).hasCandidateGroup("gm");
        decideInTasklist("gm", second, "APPROVE", "同意签约");
        assertThat(status(id)).isEqualTo("APPROVED");
        assertThat(life).isWaitingAt("CallActivity_Signing");
        assertThat(trail(id).get("rounds").get(0).get("steps").findValuesAsText("mode"))
                .contains("ANY_ONE", "COUNTERSIGN", "SEQUENTIAL");
    }

    @Test
    void oneCountersignRejectionEndsTheLevelAndSequentialRejectionStopsTheQueue() {
        String countersign = draft("6000000.00");
        submit(countersign);
        for (String user : List.of("manager", "legal", "finance")) {
            decideInTasklist(user, only(countersign), "APPROVE", null);
        }
        Task financeTask = open(countersign).stream().filter(t -> candidateGroups(t).contains("finance")).findFirst().orElseThrow();
        decideInTasklist("finance", financeTask, "REJECT", "预算不足");
        assertThat(open(countersign)).isEmpty();
        assertThat(status(countersign)).isEqualTo("REJECTED");

        String sequential = draft("6000000.00");
        submit(sequential);
        for (String user : List.of("manager", "legal", "finance")) {
            decideInTasklist(user, only(sequential), "APPROVE", null);
        }
        for (Task t : open(sequential)) {
            decideInTasklist(candidateGroups(t).get(0), t, "APPROVE", null);
        }
        decideInTasklist("finance", only(sequential), "REJECT", "付款条件不可接受");
        assertThat(open(sequential)).isEmpty();
        assertThat(status(sequential)).isEqualTo("REJECTED");
        assertThat(trail(sequential).get("rounds").get(0).get("steps").findValuesAsText("actor")).doesNotContain("gm");
    }

    @Test
    void returnedContractIsRevisedAndResubmittedAndTheTrailKeepsBothRounds() {
        String id = draft("258000.00");
        ProcessInstance life = submit(id);
        decideInTasklist("manager", only(id), "RETURN", "请补充交货地点");
        assertThat(status(id)).isEqualTo("RETURNED");
        Task revise = only(id);
        assertThat(revise).hasDefinitionKey("Task_Revise").isAssignedTo("drafter");

        // resubmitting unchanged is refused; a revision makes version 2 and a new round
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/submit", Map.of()).statusCode()).isEqualTo(409);
        HttpResponse<String> saved = saveDraft(id, "上海市浦东新区张江路200号二号仓库");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/submit", Map.of()).statusCode()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("IN_APPROVAL");
        assertThat(life).isWaitingAt("CallActivity_Approval");

        for (String user : List.of("manager", "legal", "finance")) {
            decideInTasklist(user, only(id), "APPROVE", null);
        }
        JsonNode rounds = trail(id).get("rounds");
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).get("outcome").asText()).isEqualTo("RETURNED");
        assertThat(rounds.get(0).get("contractVersion").asInt()).isEqualTo(1);
        assertThat(rounds.get(0).get("steps").findValuesAsText("opinion")).contains("请补充交货地点");
        assertThat(rounds.get(1).get("outcome").asText()).isEqualTo("APPROVED");
        assertThat(rounds.get(1).get("contractVersion").asInt()).isEqualTo(2);
        assertThat(rounds.get(1).get("steps").get(0).get("action").asText()).isEqualTo("RESUBMITTED");
    }

    @Test
    void drafterWithdrawsWhileApprovalRunsAndAfterAReturn() {
        String running = draft("258000.00");
        ProcessInstance life = submit(running);
        assertThat(as("manager").post("/api/v1/contracts/" + running + "/withdraw", Map.of()).statusCode()).isIn(403, 404);
        assertThat(as("drafter").post("/api/v1/contracts/" + running + "/withdraw", Map.of()).statusCode()).isEqualTo(200);
        assertThat(life).isEnded().hasPassed("Task_BackToDraft", "EndEvent_Withdrawn");
        assertThat(open(running)).isEmpty();
        assertThat(status(running)).isEqualTo("DRAFT");
        assertThat(trail(running).get("rounds").get(0).get("outcome").asText()).isEqualTo("WITHDRAWN");
        // a withdrawn draft can be submitted again as a new round
        submit(running);
        assertThat(trail(running).get("rounds")).hasSize(2);

        String returned = draft("258000.00");
        ProcessInstance second = submit(returned);
        decideInTasklist("manager", only(returned), "RETURN", "金额需重新核定");
        assertThat(as("drafter").post("/api/v1/contracts/" + returned + "/withdraw", Map.of()).statusCode()).isEqualTo(200);
        assertThat(second).isEnded().hasPassed("Gateway_Revise", "EndEvent_Withdrawn");
        assertThat(status(returned)).isEqualTo("DRAFT");
    }

    @Test
    void approverTransfersATaskAndAddsAnApprover() {
        String id = draft("258000.00");
        submit(id);
        Task manager = only(id);
        // 转办 to someone who may not see the contract is refused; to the general manager it works
        assertThat(as("manager").post("/api/v1/tasks/" + manager.getId() + "/transfer", Map.of("userId", "nobody")).statusCode()).isEqualTo(400);
        assertThat(as("manager").post("/api/v1/tasks/" + manager.getId() + "/transfer", Map.of("userId", "gm")).statusCode()).isEqualTo(204);
        assertThat(only(id)).isAssignedTo("gm");
        assertThat(decideOverApi("manager", manager.getId(), "APPROVE", null).statusCode()).isIn(404, 409);
        assertThat(decideOverApi("gm", manager.getId(), "APPROVE", "代为审批").statusCode()).isEqualTo(204);

        // 加签 at the legal level: legal2 joins; with 或签 either decision completes the level
        Task legal = only(id);
        HttpResponse<String> added = as("legal").post("/api/v1/tasks/" + legal.getId() + "/approvers", Map.of("userId", "legal2"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(204);
        List<Task> level = open(id);
        assertThat(level).hasSize(2);
        Task legal2 = level.stream().filter(t -> "legal2".equals(t.getAssignee())).findFirst().orElseThrow();
        assertThat(as("legal").post("/api/v1/tasks/" + legal.getId() + "/approvers", Map.of("userId", "legal2")).statusCode()).isEqualTo(409);
        assertThat(decideOverApi("legal2", legal2.getId(), "APPROVE", "加签意见：同意").statusCode()).isEqualTo(204);
        assertThat(only(id)).hasCandidateGroup("finance");

        List<String> actions = trail(id).get("rounds").get(0).get("steps").findValuesAsText("action");
        assertThat(actions).contains("TRANSFERRED", "APPROVER_ADDED");
        JsonNode inbox = Http.json(as("gm").get("/api/v1/me/notifications"));
        assertThat(inbox.get("unread").asLong()).isPositive();
    }

    @Test
    void reminderAndEscalationFireOnTheEngineClock() {
        String id = draft("258000.00");
        submit(id);
        decideInTasklist("manager", only(id), "APPROVE", null);
        Task legal = only(id);
        ProcessInstance approval = approval(id);
        long before = Http.json(as("legal").get("/api/v1/me/notifications")).get("unread").asLong();

        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofHours(9).toMillis()));
        runDueTimers(approval);
        assertThat(Http.json(as("legal").get("/api/v1/me/notifications")).get("unread").asLong()).isGreaterThan(before);
        assertThat(trail(id).get("rounds").get(0).get("steps").findValuesAsText("action")).contains("REMINDED");
        assertThat(only(id).getId()).isEqualTo(legal.getId());

        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofHours(16).toMillis()));
        runDueTimers(approval);
        // 法务部 has no department head: the escalation goes to the general manager, who may now decide
        assertThat(tasks.getIdentityLinksForTask(legal.getId()).stream().map(IdentityLink::getUserId)).contains("gm");
        assertThat(trail(id).get("rounds").get(0).get("steps").findValuesAsText("action")).contains("ESCALATED");
        assertThat(Http.json(as("gm").get("/api/v1/tasks?contractId=" + id))).hasSize(1);
        assertThat(decideOverApi("gm", legal.getId(), "APPROVE", "超时升级后审批").statusCode()).isEqualTo(204);
        assertThat(only(id)).hasCandidateGroup("finance");
    }

    private void runDueTimers(ProcessInstance instance) {
        List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).timers().executable().list();
        assertThat(due).as("due timers").isNotEmpty();
        for (Job job : due) {
            management.executeJob(job.getId());
        }
    }

    @Test
    void analystsChangeTheRoutingByDeployingATableAndRunningContractsKeepTheirRoute() throws Exception {
        String running = draft("258000.00");
        submit(running);

        // an analyst raises the finance threshold to ¥300,000 and deploys from Camunda Modeler (engine REST)
        String table = new String(getClass().getResourceAsStream("/rules/dmn/approval-routing.dmn").readAllBytes(), StandardCharsets.UTF_8);
        assertThat(table).contains("&gt;= 100000");
        String changed = table.replace("&gt;= 100000", "&gt;= 300000");
        HttpResponse<String> deployed = as("admin").postMultipart("/engine-rest/deployment/create",
                Map.of("deployment-name", "routing-threshold-300k", "deployment-source", "Camunda Modeler"),
                "approval-routing.dmn", changed.getBytes(StandardCharsets.UTF_8));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String deploymentId = Http.json(deployed).get("id").asText();
        assertThat(as("drafter").postMultipart("/engine-rest/deployment/create", Map.of("deployment-name", "x"),
                "approval-routing.dmn", changed.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
        try {
            String fresh = draft("258000.00");
            submit(fresh);
            JsonNode freshRoute = trail(fresh).get("rounds").get(0).get("route");
            assertThat(freshRoute.findValuesAsText("name")).doesNotContain("财务审核");
            for (String user : List.of("manager", "legal")) {
                decideInTasklist(user, only(fresh), "APPROVE", null);
            }
            assertThat(status(fresh)).isEqualTo("APPROVED");

            // the contract submitted before the change keeps finance in its route
            for (String user : List.of("manager", "legal")) {
                decideInTasklist(user, only(running), "APPROVE", null);
            }
            assertThat(only(running)).hasCandidateGroup("finance");
        } finally {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void nobodyDecidesOrSubmitsOutsideTheirReach() {
        String id = draft("258000.00");
        // 销售部 has no drafter here: a drafter of another department, simulated by the seal custodian
        assertThat(as("seal").post("/api/v1/contracts/" + id + "/submit", Map.of()).statusCode()).isEqualTo(403);
        submit(id);
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/submit", Map.of()).statusCode()).isEqualTo(409);
        Task manager = only(id);
        assertThat(decideOverApi("finance", manager.getId(), "APPROVE", null).statusCode()).isEqualTo(404);
        assertThat(decideOverApi("manager", manager.getId(), "MAYBE", null).statusCode()).isEqualTo(400);
        assertThat(as("finance").get("/api/v1/tasks/" + manager.getId()).statusCode()).isEqualTo(404);
        assertThat(only(id).getId()).isEqualTo(manager.getId());
        // the contract is locked while in approval
        assertThat(saveDraft(id, "上海市浦东新区张江路300号").statusCode()).isEqualTo(409);
    }
}
