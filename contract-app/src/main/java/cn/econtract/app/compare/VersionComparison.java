package cn.econtract.app.compare;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Compares two clause lists and two value maps; pure, no I/O, so it is tested without Spring. */
public final class VersionComparison {

    private VersionComparison() {
    }

    public static Comparison compare(int from, int to, List<ClauseText> before, List<ClauseText> after,
                                     Map<String, String> valuesBefore, Map<String, String> valuesAfter) {
        Map<String, Integer> oldPos = positions(before);
        Map<String, Integer> newPos = positions(after);
        Map<String, ClauseText> oldByKey = byKey(before);
        List<ClauseChange> changes = new ArrayList<>();
        // clauses in their new order; removed ones follow at the place they had
        List<String> keptOrder = after.stream().map(ClauseText::key).filter(oldPos::containsKey).toList();
        List<String> oldKeptOrder = before.stream().map(ClauseText::key).filter(newPos::containsKey).toList();
        Set<String> moved = movedKeys(oldKeptOrder, keptOrder);
        for (ClauseText now : after) {
            ClauseText was = oldByKey.get(now.key());
            if (was == null) {
                changes.add(new ClauseChange(now.key(), ClauseChange.Kind.ADDED, null, newPos.get(now.key()), null,
                        now.heading(), List.of(new Segment(Segment.Op.INSERT, nz(now.text())))));
                continue;
            }
            boolean textSame = Objects.equals(nz(was.text()), nz(now.text())) && Objects.equals(was.heading(), now.heading());
            ClauseChange.Kind kind = !textSame ? ClauseChange.Kind.CHANGED
                    : moved.contains(now.key()) ? ClauseChange.Kind.MOVED : ClauseChange.Kind.UNCHANGED;
            changes.add(new ClauseChange(now.key(), kind, oldPos.get(now.key()), newPos.get(now.key()), was.heading(),
                    now.heading(), textSame ? List.of(new Segment(Segment.Op.EQUAL, nz(now.text()))) : characters(nz(was.text()), nz(now.text()))));
        }
        for (ClauseText was : before) {
            if (!newPos.containsKey(was.key())) {
                changes.add(new ClauseChange(was.key(), ClauseChange.Kind.REMOVED, oldPos.get(was.key()), null,
                        was.heading(), null, List.of(new Segment(Segment.Op.DELETE, nz(was.text())))));
            }
        }
        List<ValueChange> values = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(valuesBefore.keySet());
        names.addAll(valuesAfter.keySet());
        for (String name : names) {
            String a = valuesBefore.get(name);
            String b = valuesAfter.get(name);
            if (!Objects.equals(a, b)) {
                values.add(new ValueChange(name, a, b));
            }
        }
        return new Comparison(from, to, changes, values);
    }

    /** Character-level diff merged into runs. */
    public static List<Segment> characters(String before, String after) {
        List<String> a = before.codePoints().mapToObj(Character::toString).toList();
        List<String> b = after.codePoints().mapToObj(Character::toString).toList();
        List<Segment> out = new ArrayList<>();
        int ai = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(out, Segment.Op.EQUAL, String.join("", a.subList(ai, start)));
            add(out, Segment.Op.DELETE, String.join("", delta.getSource().getLines()));
            add(out, Segment.Op.INSERT, String.join("", delta.getTarget().getLines()));
            ai = start + delta.getSource().size();
        }
        add(out, Segment.Op.EQUAL, String.join("", a.subList(ai, a.size())));
        return out;
    }

    /** Keys not on a longest common subsequence of the two orders are the ones that moved. */
    private static Set<String> movedKeys(List<String> before, List<String> after) {
        Set<String> stay = new LinkedHashSet<>();
        int n = before.size();
        int m = after.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = before.get(i).equals(after.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (before.get(i).equals(after.get(j))) {
                stay.add(before.get(i));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        Set<String> moved = new LinkedHashSet<>(after);
        moved.removeAll(stay);
        return moved;
    }

    private static void add(List<Segment> out, Segment.Op op, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).op() == op) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(op, last.text() + text));
        } else {
            out.add(new Segment(op, text));
        }
    }

    private static Map<String, Integer> positions(List<ClauseText> clauses) {
        Map<String, Integer> pos = new LinkedHashMap<>();
        for (int i = 0; i < clauses.size(); i++) {
            pos.put(clauses.get(i).key(), i + 1);
        }
        return pos;
    }

    private static Map<String, ClauseText> byKey(List<ClauseText> clauses) {
        Map<String, ClauseText> map = new LinkedHashMap<>();
        clauses.forEach(c -> map.put(c.key(), c));
        return map;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
