package cn.econtract.app.approval;

import java.util.List;

/**
 * One level of a contract's approval route as the routing decision gave it. {@code departmentScoped}
 * limits the candidates to members of the contract's department (a department head, not every head).
 */
public record ApprovalLevel(int level, String name, List<String> candidateGroups, List<String> candidateUsers,
                            ApprovalMode mode, boolean departmentScoped) {

    public ApprovalLevel {
        candidateGroups = List.copyOf(candidateGroups);
        candidateUsers = List.copyOf(candidateUsers);
    }
}
