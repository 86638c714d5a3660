package cn.econtract.delegates.approval;

import java.util.List;

/**
 * One approval level ready to run. {@code mode} is ANY_ONE (或签), COUNTERSIGN (会签) or SEQUENTIAL
 * (逐级); each slot becomes one task: a comma-separated list of {@code user:<id>} and
 * {@code group:<id>} candidates (see {@link Approvers}).
 */
public record LevelPlan(int number, String name, String mode, List<String> slots) {

    public LevelPlan {
        slots = List.copyOf(slots);
    }
}
