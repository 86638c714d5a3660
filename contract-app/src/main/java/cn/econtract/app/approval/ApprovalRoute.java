package cn.econtract.app.approval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The levels a contract goes through, built from the rows of {@code rules/dmn/approval-routing.dmn}
 * (hit policy COLLECT). Rows with the same level number are merged: names joined, candidates
 * united in order, the stricter mode and the wider scope kept. Pure: tested without an engine.
 */
public record ApprovalRoute(List<ApprovalLevel> levels) {

    public ApprovalRoute {
        levels = List.copyOf(levels);
    }

    public static ApprovalRoute fromDecision(List<Map<String, Object>> rows) {
        TreeMap<Integer, List<Map<String, Object>>> byLevel = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            int level = ((Number) required(row, "level")).intValue();
            byLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(row);
        }
        List<ApprovalLevel> levels = new ArrayList<>();
        byLevel.forEach((level, same) -> levels.add(merge(level, same)));
        return new ApprovalRoute(levels);
    }

    private static ApprovalLevel merge(int level, List<Map<String, Object>> rows) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        Set<String> users = new LinkedHashSet<>();
        ApprovalMode mode = ApprovalMode.ANY_ONE;
        boolean departmentScoped = true;
        for (Map<String, Object> row : rows) {
            names.add((String) required(row, "levelName"));
            groups.addAll(list(row.get("candidateGroups")));
            users.addAll(list(row.get("candidateUsers")));
            ApprovalMode rowMode = ApprovalMode.valueOf((String) required(row, "mode"));
            if (rowMode.compareTo(mode) > 0) {
                mode = rowMode;
            }
            // one unscoped row widens the level: scoping only ever narrows when every row asks for it
            departmentScoped &= "DEPARTMENT".equals(row.get("scope"));
        }
        if (groups.isEmpty() && users.isEmpty()) {
            throw new IllegalArgumentException("approval level " + level + " names no candidate group or user");
        }
        return new ApprovalLevel(level, String.join(" / ", names), List.copyOf(groups), List.copyOf(users), mode, departmentScoped);
    }

    private static Object required(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            throw new IllegalArgumentException("approval routing row without " + column + ": " + row);
        }
        return value;
    }

    private static List<String> list(Object csv) {
        if (csv == null) {
            return List.of();
        }
        return Arrays.stream(csv.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
