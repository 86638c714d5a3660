package cn.econtract.app.compare;

import java.util.ArrayList;
import java.util.List;

/** A clause as the comparison sees it: a stable key, a heading and its text. */
public record ClauseText(String key, String heading, String text) {

    /** A document's clauses with its preamble (if any) first, compared like a clause keyed "preamble". */
    public static List<ClauseText> withPreamble(String preamble, List<ClauseText> clauses) {
        List<ClauseText> all = new ArrayList<>();
        if (preamble != null) {
            all.add(new ClauseText("preamble", null, preamble));
        }
        all.addAll(clauses);
        return all;
    }
}
