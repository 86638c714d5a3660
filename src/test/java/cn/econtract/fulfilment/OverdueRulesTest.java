package cn.econtract.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.fulfilment.OverdueCase;
import cn.econtract.app.fulfilment.OverdueRules;
import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped overdue rules (rules/drl/overdue.drl) as a table of cases, run by Drools. */
class OverdueRulesTest {

    private static OverdueRules rules;

    @BeforeAll
    static void compile() {
        rules = new OverdueRules();
    }

    @ParameterizedTest(name = "{0} {1} {2} days ¥{3}, late {4}, letters {5}, dispute {6} → {7}")
    @CsvSource(delimiter = '|', value = {
        "PAYMENT  | COUNTERPARTY | 1  | 77400   | 0 | 0 | false | WARN_OWNER",
        "PAYMENT  | COUNTERPARTY | 7  | 77400   | 0 | 0 | false | WARN_OWNER ESCALATE",
        "PAYMENT  | COUNTERPARTY | 3  | 600000  | 0 | 0 | false | WARN_OWNER ESCALATE",
        "PAYMENT  | COUNTERPARTY | 14 | 77400   | 0 | 0 | false | WARN_OWNER ESCALATE",
        "PAYMENT  | COUNTERPARTY | 15 | 77400   | 0 | 0 | false | WARN_OWNER ESCALATE DUNNING_LETTER",
        "PAYMENT  | COUNTERPARTY | 7  | 77400   | 2 | 0 | false | WARN_OWNER ESCALATE DUNNING_LETTER",
        "PAYMENT  | COUNTERPARTY | 20 | 77400   | 0 | 1 | false | WARN_OWNER ESCALATE",
        "PAYMENT  | COUNTERPARTY | 45 | 77400   | 0 | 1 | false | WARN_OWNER ESCALATE DUNNING_LETTER",
        "PAYMENT  | COUNTERPARTY | 60 | 77400   | 0 | 2 | false | WARN_OWNER ESCALATE OPEN_DISPUTE",
        "PAYMENT  | COUNTERPARTY | 90 | 77400   | 0 | 2 | true  | WARN_OWNER ESCALATE",
        "PAYMENT  | OURS         | 2  | 77400   | 0 | 0 | false | WARN_OWNER",
        "PAYMENT  | OURS         | 3  | 77400   | 0 | 0 | false | WARN_OWNER ESCALATE",
        "PAYMENT  | OURS         | 30 | 77400   | 0 | 0 | false | WARN_OWNER ESCALATE",
        "DELIVERY | COUNTERPARTY | 15 | 0       | 0 | 0 | false | WARN_OWNER ESCALATE",
        "DELIVERY | COUNTERPARTY | 60 | 0       | 0 | 0 | false | WARN_OWNER ESCALATE"})
    void actions(String kind, String party, long days, String amount, int late, int letters, boolean dispute, String expected) {
        OverdueCase decided = rules.decide(new OverdueCase(kind, party, days, new BigDecimal(amount), late, letters, dispute));
        assertThat(new TreeSet<>(decided.actions().keySet())).isEqualTo(new TreeSet<>(Set.of(expected.split(" "))));
    }

    @Test
    void everyActionCarriesTheReasonOfTheFirstRuleThatChoseIt() {
        OverdueCase decided = rules.decide(new OverdueCase("PAYMENT", "COUNTERPARTY", 16, new BigDecimal("77400"), 0, 0, false));
        assertThat(decided.actions().get("DUNNING_LETTER")).contains("15");
        assertThat(decided.actions().get("WARN_OWNER")).contains("16");
    }

    @Test
    void aRuleThatDoesNotCompileStopsWithTheCompilersMessage() {
        assertThatThrownBy(() -> new OverdueRules("package x; import cn.econtract.app.fulfilment.OverdueCase;\n"
                + "rule \"broken\" when $c : OverdueCase( daysOverdue >>= 1 ) then end"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not compile");
    }
}
