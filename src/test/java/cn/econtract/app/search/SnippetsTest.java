package cn.econtract.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.junit.jupiter.api.Test;

/** Highlight fragments: found ignoring case, escaped, the longest word marked, in text order. */
class SnippetsTest {

    @Test
    void theQueryWordsAreItsSegmentedLowerCaseTokensWithoutExcludedParts() {
        assertThat(Snippets.words(new SmartChineseAnalyzer(), "数控车床 ISO9001 -违约金 \"交货\""))
                .containsExactly("数控", "车床", "iso", "9001", "交货");
    }

    @Test
    void matchesIgnoreCaseAndKeepTheTextAsWritten() {
        List<String> fragments = Snippets.of("型号 Model-X200，符合 ISO9001 标准", words("model", "iso9001"), 2);

        assertThat(fragments).containsExactly("型号 <em>Model</em>-X200，符合 <em>ISO9001</em> 标准");
    }

    @Test
    void theTextIsEscapedAroundAndInsideTheMatch() {
        List<String> fragments = Snippets.of("条款 <script>&\"车床\"</script>", words("车床", "<script>"), 1);

        assertThat(fragments).containsExactly("条款 <em>&lt;script&gt;</em>&amp;&quot;<em>车床</em>&quot;&lt;/script&gt;");
    }

    @Test
    void theLongestWordIsMarkedWhereWordsOverlap() {
        assertThat(Snippets.of("采购数控车床两台", words("数控", "数控车床"), 1)).containsExactly("采购<em>数控车床</em>两台");
    }

    @Test
    void fragmentsFollowTheTextAndStopAtTheLimit() {
        String filler = "甲".repeat(100);
        String text = "车床一" + filler + "数控二" + filler + "车床三" + filler + "数控四";

        List<String> fragments = Snippets.of(text, words("数控", "车床"), 3);

        assertThat(fragments).hasSize(3);
        assertThat(fragments.get(0)).startsWith("<em>车床</em>一甲").hasSize("<em>车床</em>".length() + 30);
        assertThat(fragments.get(1)).contains("<em>数控</em>二");
        assertThat(fragments.get(2)).contains("<em>车床</em>三").doesNotContain("四");
    }

    @Test
    void noWordOrNoTextGivesNoFragment() {
        assertThat(Snippets.of("数控车床", Set.of(), 2)).isEmpty();
        assertThat(Snippets.of(null, words("车床"), 2)).isEmpty();
        assertThat(Snippets.of("", words("车床"), 2)).isEmpty();
        assertThat(Snippets.of("铣床", words("车床"), 2)).isEmpty();
    }

    /** The fast path of the comparison rests on this: no character from U+3000 to U+9FFF has a case. */
    @Test
    void cjkCharactersHaveNoCase() {
        for (char c = '\u3000'; c <= '\u9fff'; c++) {
            assertThat(Character.toLowerCase(c)).as("U+%04X", (int) c).isEqualTo(c);
            assertThat(Character.toUpperCase(c)).as("U+%04X", (int) c).isEqualTo(c);
        }
        assertThat(Snippets.sameIgnoringCase('Ｍ', 'ｍ')).isTrue();
        assertThat(Snippets.sameIgnoringCase('\u212a', 'k')).as("Kelvin sign").isTrue();
    }

    private static Set<String> words(String... words) {
        return new LinkedHashSet<>(List.of(words));
    }
}
