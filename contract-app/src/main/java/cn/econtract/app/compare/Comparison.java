package cn.econtract.app.compare;

import java.util.List;

/** The difference between version {@code from} and version {@code to}. */
public record Comparison(int from, int to, List<ClauseChange> clauses, List<ValueChange> values) {

    public boolean identical() {
        return values.isEmpty() && clauses.stream().allMatch(c -> c.kind() == ClauseChange.Kind.UNCHANGED);
    }
}
