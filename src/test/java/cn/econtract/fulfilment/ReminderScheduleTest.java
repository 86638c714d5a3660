package cn.econtract.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped reminder schedule (rules/dmn/reminder-schedule.dmn) as a table of cases, evaluated by Camunda's DMN engine. */
class ReminderScheduleTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("..", "rules", "dmn", "reminder-schedule.dmn"))) {
            decision = engine.parseDecision("reminder-schedule", in);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3} by {4}")
    @CsvSource(delimiter = '|', value = {
        "PAYMENT        | 77400     | OURS         | 7,3,1,0   | EMAIL,IN_APP",
        "PAYMENT        | 999999.99 | COUNTERPARTY | 7,3,1,0   | EMAIL,IN_APP",
        "PAYMENT        | 1000000   | OURS         | 7,3,1,0   | EMAIL,SMS,IN_APP",
        "DELIVERY       | 0         | COUNTERPARTY | 7,3,1,0   | EMAIL,IN_APP",
        "ACCEPTANCE     | 0         | OURS         | 7,3,1,0   | EMAIL,IN_APP",
        "RENEWAL_NOTICE | 0         | BOTH         | 14,7,1    | EMAIL,IN_APP",
        "EXPIRY         | 0         | BOTH         | 60,30,7,1 | EMAIL,IN_APP"})
    void schedule(String kind, double amount, String party, String days, String channels) {
        Map<String, Object> row = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("kind", kind)
                .putValue("amount", amount).putValue("party", party)).getSingleResult().getEntryMap();
        assertThat(row).containsEntry("daysBefore", days).containsEntry("channels", channels);
    }
}
