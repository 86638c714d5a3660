package cn.econtract.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import cn.econtract.app.approval.ApprovalLevel;
import cn.econtract.app.approval.ApprovalMode;
import cn.econtract.app.approval.ApprovalRoute;
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

/** The shipped routing table (rules/dmn/approval-routing.dmn), evaluated by Camunda's DMN engine. */
class ApprovalRoutingDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("..", "rules", "dmn", "approval-routing.dmn"))) {
            decision = engine.parseDecision("approval-routing", in);
        }
    }

    private static ApprovalRoute route(String type, double amount, boolean clauseChanged, boolean newCounterparty) {
        var result = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("contractType", type)
                .putValue("amount", amount).putValue("department", "purchasing")
                .putValue("standardClauseChanged", clauseChanged).putValue("newCounterparty", newCounterparty));
        return ApprovalRoute.fromDecision(result.getResultList());
    }

    @Test
    void smallContractGoesToTheDepartmentHeadAndLegal() {
        assertThat(route("PURCHASE", 50_000, false, false).levels())
                .extracting(ApprovalLevel::level, ApprovalLevel::candidateGroups, ApprovalLevel::mode, ApprovalLevel::departmentScoped)
                .containsExactly(tuple(10, List.of("manager"), ApprovalMode.ANY_ONE, true),
                        tuple(20, List.of("legal"), ApprovalMode.ANY_ONE, false));
    }

    @Test
    void financeFromOneHundredThousandAndTheGeneralManagerFromOneMillion() {
        assertThat(route("PURCHASE", 100_000, false, false).levels()).extracting(ApprovalLevel::level).containsExactly(10, 20, 30);
        assertThat(route("SALES", 999_999.99, false, false).levels()).extracting(ApprovalLevel::level).containsExactly(10, 20, 30);
        assertThat(route("SALES", 1_000_000, false, false).levels())
                .extracting(ApprovalLevel::level, ApprovalLevel::name)
                .containsExactly(tuple(10, "部门负责人审批"), tuple(20, "法务审核"), tuple(30, "财务审核"), tuple(40, "总经理审批"));
    }

    @Test
    void aChangedStandardClauseMakesLegalCountersign() {
        ApprovalLevel legal = route("PURCHASE", 50_000, true, false).levels().get(1);
        assertThat(legal.name()).isEqualTo("法务会签（标准条款已修改）");
        assertThat(legal.mode()).isEqualTo(ApprovalMode.COUNTERSIGN);
    }

    @Test
    void aNewCounterpartyGetsACreditCheckEvenWhenSmall() {
        assertThat(route("NDA", 20_000, false, true).levels())
                .extracting(ApprovalLevel::level, ApprovalLevel::name).contains(tuple(30, "财务资信审核（新相对方）"));
        // above the finance threshold the two rows are one level
        assertThat(route("PURCHASE", 200_000, false, true).levels()).filteredOn(l -> l.level() == 30).singleElement()
                .extracting(ApprovalLevel::name).isEqualTo("财务审核");
    }

    @Test
    void majorContractsAreCountersignedAndThenApprovedStepByStep() {
        ApprovalRoute route = route("LEASE", 6_000_000, false, false);
        assertThat(route.levels()).extracting(ApprovalLevel::level, ApprovalLevel::candidateGroups, ApprovalLevel::mode)
                .containsExactly(tuple(10, List.of("manager"), ApprovalMode.ANY_ONE),
                        tuple(20, List.of("legal"), ApprovalMode.ANY_ONE),
                        tuple(30, List.of("finance"), ApprovalMode.ANY_ONE),
                        tuple(35, List.of("legal", "finance"), ApprovalMode.COUNTERSIGN),
                        tuple(40, List.of("finance", "gm"), ApprovalMode.SEQUENTIAL));
    }

    @Test
    void sameLevelRowsMergeToTheStricterModeAndTheWiderScope() {
        ApprovalRoute route = ApprovalRoute.fromDecision(List.of(
                Map.of("level", 20, "levelName", "法务审核", "candidateGroups", "legal", "mode", "ANY_ONE", "scope", "DEPARTMENT"),
                Map.of("level", 20, "levelName", "合规审核", "candidateGroups", "legal, compliance", "candidateUsers", "auditor",
                        "mode", "COUNTERSIGN", "scope", "ALL")));
        assertThat(route.levels()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("法务审核 / 合规审核");
            assertThat(l.candidateGroups()).containsExactly("legal", "compliance");
            assertThat(l.candidateUsers()).containsExactly("auditor");
            assertThat(l.mode()).isEqualTo(ApprovalMode.COUNTERSIGN);
            assertThat(l.departmentScoped()).isFalse();
        });
        assertThatThrownBy(() -> ApprovalRoute.fromDecision(List.of(Map.of("level", 50, "levelName", "空", "mode", "ANY_ONE"))))
                .hasMessageContaining("no candidate");
    }
}
