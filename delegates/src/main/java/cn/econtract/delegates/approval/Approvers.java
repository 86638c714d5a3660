package cn.econtract.delegates.approval;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads an approver slot ({@code user:legal2,group:legal}) for the user tasks' assignment
 * expressions, so the model shows where candidates come from:
 * {@code camunda:candidateGroups="${approvers.groups(approverSlot)}"}.
 */
@Component("approvers")
public class Approvers {

    public List<String> groups(String slot) {
        return tokens(slot, "group:");
    }

    public List<String> users(String slot) {
        List<String> users = tokens(slot, "user:");
        return assignee(slot) == null ? users : List.of();
    }

    /** A slot naming exactly one user and no group is assigned to that user directly. */
    public String assignee(String slot) {
        List<String> users = tokens(slot, "user:");
        return users.size() == 1 && groups(slot).isEmpty() ? users.get(0) : null;
    }

    private static List<String> tokens(String slot, String prefix) {
        if (slot == null) {
            return List.of();
        }
        return Arrays.stream(slot.split(",")).map(String::strip).filter(t -> t.startsWith(prefix))
                .map(t -> t.substring(prefix.length())).filter(t -> !t.isEmpty()).toList();
    }
}
