package cn.econtract.compare;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.compare.ClauseChange;
import cn.econtract.app.compare.ClauseText;
import cn.econtract.app.compare.Comparison;
import cn.econtract.app.compare.Segment;
import cn.econtract.app.compare.VersionComparison;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionComparisonTest {

    private static final ClauseText SUBJECT = new ClauseText("subject", "标的", "乙方向甲方提供数控机床三台。");
    private static final ClauseText PRICE = new ClauseText("price", "价款", "总价为人民币贰拾伍万元。");
    private static final ClauseText SECRET = new ClauseText("secret", "保密", "双方对合同内容保密。");

    @Test
    void findsChangedMovedAddedAndRemovedClauses() {
        ClauseText newPrice = new ClauseText("price", "价款", "总价为人民币叁拾万元。");
        ClauseText court = new ClauseText("court", "争议解决", "提交甲方所在地人民法院。");
        Comparison c = VersionComparison.compare(1, 2, List.of(SUBJECT, PRICE, SECRET), List.of(newPrice, SUBJECT, court),
                Map.of("amount", "250000.00"), Map.of("amount", "300000.00"));
        assertThat(c.clauses()).extracting(ClauseChange::key, ClauseChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("price", ClauseChange.Kind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("subject", ClauseChange.Kind.MOVED),
                org.assertj.core.groups.Tuple.tuple("court", ClauseChange.Kind.ADDED),
                org.assertj.core.groups.Tuple.tuple("secret", ClauseChange.Kind.REMOVED));
        // the minimal character diff: 贰拾伍 → 叁拾 keeps the shared 拾
        assertThat(c.clauses().get(0).segments()).containsExactly(new Segment(Segment.Op.EQUAL, "总价为人民币"),
                new Segment(Segment.Op.DELETE, "贰"), new Segment(Segment.Op.INSERT, "叁"), new Segment(Segment.Op.EQUAL, "拾"),
                new Segment(Segment.Op.DELETE, "伍"), new Segment(Segment.Op.EQUAL, "万元。"));
        assertThat(side(c.clauses().get(0), Segment.Op.DELETE)).isEqualTo(PRICE.text());
        assertThat(side(c.clauses().get(0), Segment.Op.INSERT)).isEqualTo(newPrice.text());
        assertThat(c.values()).singleElement().satisfies(v -> {
            assertThat(v.before()).isEqualTo("250000.00");
            assertThat(v.after()).isEqualTo("300000.00");
        });
        assertThat(c.identical()).isFalse();
    }

    /** The old text (EQUAL + DELETE) or the new text (EQUAL + INSERT) read back from the segments. */
    private static String side(ClauseChange change, Segment.Op op) {
        return change.segments().stream().filter(s -> s.op() == Segment.Op.EQUAL || s.op() == op)
                .map(Segment::text).reduce("", String::concat);
    }

    @Test
    void sameVersionsAreIdentical() {
        Comparison c = VersionComparison.compare(1, 1, List.of(SUBJECT, PRICE), List.of(SUBJECT, PRICE), Map.of(), Map.of());
        assertThat(c.identical()).isTrue();
    }
}
