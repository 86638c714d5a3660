package cn.econtract.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped signing policy (rules/dmn/signing-policy.dmn), evaluated by Camunda's DMN engine. */
class SigningPolicyDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("..", "rules", "dmn", "signing-policy.dmn"))) {
            decision = engine.parseDecision("signing-policy", in);
        }
    }

    private static Map<String, Object> policy(String type, double amount, boolean newCounterparty) {
        return engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("contractType", type)
                .putValue("amount", amount).putValue("newCounterparty", newCounterparty)).getSingleResult().getEntryMap();
    }

    @Test
    void aKnownCounterpartySignsInParallelWithOneFactor() {
        assertThat(policy("PURCHASE", 88_000, false)).contains(entry("signingOrder", "PARALLEL"), entry("factorCount", 1),
                entry("realName", false), entry("sealApprovers", "legal"), entry("deadlineDays", 7), entry("reminder", "R/P1D"));
    }

    @Test
    void aNewCounterpartySignsAfterUsAndPassesARealNameCheck() {
        assertThat(policy("SALES", 88_000, true)).contains(entry("signingOrder", "SEQUENTIAL"), entry("factorCount", 1),
                entry("realName", true), entry("sealApprovers", "legal"));
    }

    @Test
    void fromFiveMillionTwoFactorsAndTheGeneralManagerApprovesTheSeal() {
        assertThat(policy("PURCHASE", 4_999_999.99, false)).containsEntry("factorCount", 1);
        assertThat(policy("PURCHASE", 5_000_000, false)).contains(entry("signingOrder", "SEQUENTIAL"), entry("factorCount", 2),
                entry("realName", true), entry("sealApprovers", "gm"), entry("deadlineDays", 14));
    }
}
