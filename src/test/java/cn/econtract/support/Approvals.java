package cn.econtract.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/** Drives a submitted contract through every approval level over the task API, as whoever holds each task. */
public final class Approvals {

    private Approvals() {
    }

    /**
     * Submits {@code contractId} as {@code drafter} and approves level after level.
     *
     * @param as      an HTTP client signed in as a user
     * @param members the users of a group
     */
    public static void approveAll(String contractId, String drafter, Function<String, Http> as, TaskService tasks,
                                  Function<String, List<String>> members) {
        HttpResponse<String> submitted = as.apply(drafter).post("/api/v1/contracts/" + contractId + "/submit", Map.of());
        check(submitted.statusCode() == 200, submitted::body);
        approveSubmitted(contractId, drafter, as, tasks, members);
    }

    /** Approves level after level a contract already in approval (the drafter reads its status). */
    public static void approveSubmitted(String contractId, String drafter, Function<String, Http> as, TaskService tasks,
                                        Function<String, List<String>> members) {
        Supplier<String> status = () -> Http.json(as.apply(drafter).get("/api/v1/contracts/" + contractId)).get("status").asText();
        for (int i = 0; i < 10 && "IN_APPROVAL".equals(status.get()); i++) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(contractId).active().list().get(0);
            String user = holder(task, tasks, members);
            HttpResponse<String> r = as.apply(user).post("/api/v1/tasks/" + task.getId() + "/complete",
                    Map.of("decision", "APPROVE", "opinion", "同意"));
            check(r.statusCode() == 204, () -> user + " " + r.body());
        }
        JsonNode contract = Http.json(as.apply(drafter).get("/api/v1/contracts/" + contractId));
        check("APPROVED".equals(contract.get("status").asText()), contract::toString);
    }

    private static String holder(Task task, TaskService tasks, Function<String, List<String>> members) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        List<IdentityLink> links = tasks.getIdentityLinksForTask(task.getId());
        for (IdentityLink link : links) {
            if (link.getUserId() != null) {
                return link.getUserId();
            }
        }
        String group = links.stream().map(IdentityLink::getGroupId).filter(g -> g != null).findFirst().orElseThrow();
        return members.apply(group).get(0);
    }

    private static void check(boolean ok, Supplier<String> message) {
        if (!ok) {
            throw new AssertionError(message.get());
        }
    }
}
