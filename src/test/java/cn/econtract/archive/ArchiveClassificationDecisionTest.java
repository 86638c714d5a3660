package cn.econtract.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped archive classes and terms (rules/dmn/archive-classification.dmn), evaluated by Camunda's DMN engine. */
class ArchiveClassificationDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision category;
    private static DmnDecision retention;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        List<DmnDecision> decisions;
        try (InputStream in = Files.newInputStream(Path.of("..", "rules", "dmn", "archive-classification.dmn"))) {
            decisions = engine.parseDecisions(in);
        }
        category = decisions.stream().filter(d -> d.getKey().equals("archive-category")).findFirst().orElseThrow();
        retention = decisions.stream().filter(d -> d.getKey().equals("archive-retention")).findFirst().orElseThrow();
    }

    private static Map<String, Object> category(String type, String department) {
        return engine.evaluateDecisionTable(category, Variables.createVariables().putValue("contractType", type)
                .putValue("department", department)).getSingleResult().getEntryMap();
    }

    private static String retention(String type, double amount) {
        return engine.evaluateDecisionTable(retention, Variables.createVariables().putValue("contractType", type)
                .putValue("amount", amount).putValue("department", "purchasing")).getSingleResult().getSingleEntry();
    }

    @Test
    void eachContractTypeHasItsCategoryAndAnyOtherIsFiledUnderOther() {
        assertThat(category("PURCHASE", "purchasing")).contains(entry("category", "CG"), entry("categoryName", "采购合同"));
        assertThat(category("SALES", "sales")).contains(entry("category", "XS"), entry("categoryName", "销售合同"));
        assertThat(category("NDA", "legaldept")).containsEntry("category", "BM");
        assertThat(category("CONSULTING", "office")).contains(entry("category", "QT"), entry("categoryName", "其他合同"));
    }

    @Test
    void majorContractsArePermanentLeasesAndLargeOnesThirtyYearsTheRestTen() {
        assertThat(retention("PURCHASE", 10_000_000)).isEqualTo("Y");
        assertThat(retention("PURCHASE", 9_999_999.99)).isEqualTo("D30");
        assertThat(retention("PURCHASE", 1_000_000)).isEqualTo("D30");
        assertThat(retention("PURCHASE", 999_999.99)).isEqualTo("D10");
        assertThat(retention("LEASE", 12_000)).isEqualTo("D30");
        assertThat(retention("NDA", 0)).isEqualTo("D10");
    }
}
