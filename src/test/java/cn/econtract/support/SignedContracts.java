package cn.econtract.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.identity.DirectoryService;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** Contracts taken through approval and signing over the public API, for the phases that follow. */
public final class SignedContracts {

    private SignedContracts() {
    }

    /**
     * A purchase contract drafted by {@code drafter}, approved by every level and signed by a
     * general manager of its own (one-time codes are rate-limited per person); its id, in force.
     * {@code beforeApproval} runs on the draft (attachments, tags).
     */
    public static String signed(Function<String, Http> as, TaskService tasks, DirectoryService directory, String amount,
                                java.util.function.Consumer<String> beforeApproval) {
        return signed(as, tasks, directory, amount, null, beforeApproval);
    }

    /** As above, with the counterparty's contact. */
    public static String signed(Function<String, Http> as, TaskService tasks, DirectoryService directory, String amount, String contact,
                                java.util.function.Consumer<String> beforeApproval) {
        String id = PurchaseDraft.create(as.apply("drafter"), amount, "供应商" + UUID.randomUUID().toString().substring(0, 8) + "有限公司",
                contact);
        beforeApproval.accept(id);
        return approvedAndSigned(as, tasks, directory, id);
    }

    /** A draft approved by every level and signed by a general manager of its own; in force. */
    public static String approvedAndSigned(Function<String, Http> as, TaskService tasks, DirectoryService directory, String id) {
        lastSignature(as, tasks, directory, id);
        awaitStatus(as.apply("drafter"), id, "IN_FORCE");
        return id;
    }

    /** A draft approved by every level and signed by a general manager of its own; the signing worker has yet to close it. */
    public static void lastSignature(Function<String, Http> as, TaskService tasks, DirectoryService directory, String id) {
        String signer = "gmsign" + UUID.randomUUID().toString().substring(0, 6);
        directory.ensureUser(signer, "签", "测", signer + "@demo.econtract.cn", "demo", false);
        directory.ensureMembership(signer, "gm");
        directory.ensureMembership(signer, "office");
        Approvals.approveAll(id, "drafter", as, tasks, group -> directory.members(group, null));
        HttpResponse<String> arranged = as.apply("drafter").post("/api/v1/contracts/" + id + "/signing", Map.of("signers", List.of(
                Map.of("party", "OURS", "appearance", "SIGNATURE", "userId", signer))));
        assertThat(arranged.statusCode()).as(arranged.body()).isEqualTo(200);
        Task sign = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("Task_Sign").singleResult();
        InternalSigning.sign(as, directory, signer, sign.getId(), InternalSigning.handwriting());
    }

    /**
     * Waits (≤ 30 s) until the contract has this status: after the last signature the signing worker
     * closes the document (contract-signing.bpmn, 长期验证) before the contract is in force.
     */
    public static void awaitStatus(Http as, String id, String expected) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        String status;
        do {
            status = Http.json(as.get("/api/v1/contracts/" + id)).get("status").asText();
            if (status.equals(expected) || System.nanoTime() > deadline) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + expected, e);
            }
        } while (true);
        assertThat(status).as("status of contract %s", id).isEqualTo(expected);
    }

    /** The drafter confirms the proposed plan and records every obligation as met: the contract is performed. */
    public static void performed(Function<String, Http> as, String id) {
        HttpResponse<String> confirmed = as.apply("drafter").post("/api/v1/contracts/" + id + "/obligations/confirm", Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        fulfilAll(as, id);
    }

    /** The drafter records every open obligation of a confirmed plan as met (payments in full). */
    public static void fulfilAll(Function<String, Http> as, String id) {
        for (JsonNode item : Http.json(as.apply("drafter").get("/api/v1/contracts/" + id + "/obligations"))) {
            JsonNode o = item.get("obligation");
            if (o.get("status").asText().equals("FULFILLED") || o.get("status").asText().equals("DISMISSED")) {
                continue;
            }
            Map<String, Object> body = o.hasNonNull("amount")
                    ? Map.of("amount", new BigDecimal(o.get("amount").asText()).subtract(new BigDecimal(o.get("settledAmount").asText())),
                            "note", "已履行")
                    : Map.of("note", "已履行");
            HttpResponse<String> met = as.apply("drafter").post("/api/v1/contracts/" + id + "/obligations/" + o.get("id").asText()
                    + "/fulfil", body);
            assertThat(met.statusCode()).as(met.body()).isEqualTo(200);
        }
    }
}
