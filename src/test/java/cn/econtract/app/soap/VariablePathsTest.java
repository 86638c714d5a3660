package cn.econtract.app.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.kernel.InvalidFieldsException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablePathsTest {

    @Test
    void pathsBecomeTheNestedValuesTheTemplateReads() {
        Map<String, Object> nested = VariablePaths.nest(List.of(Map.entry("goodsName", "数控车床"), Map.entry("partyB.name", "乙方公司"),
                Map.entry("partyB.contact", "李建国"), Map.entry("paymentSchedule[0].stage", "预付款"),
                Map.entry("paymentSchedule[0].amount", "77400.00"), Map.entry("paymentSchedule[1].stage", "验收款"),
                Map.entry("tags[0]", "重点"), Map.entry("tags[1]", "年度")));
        assertThat(nested).containsEntry("goodsName", "数控车床")
                .containsEntry("partyB", Map.of("name", "乙方公司", "contact", "李建国"))
                .containsEntry("paymentSchedule", List.of(Map.of("stage", "预付款", "amount", "77400.00"), Map.of("stage", "验收款")))
                .containsEntry("tags", List.of("重点", "年度"));
    }

    @Test
    void malformedPathsAndGapsInListsAreRefusedNamingThePath() {
        for (String bad : List.of("", "a..b", "a.", "1abc", "list[1]", "a[0]b", "a b", "x".repeat(65))) {
            assertThatThrownBy(() -> VariablePaths.nest(List.of(Map.entry(bad, "v")))).as(bad).isInstanceOf(InvalidFieldsException.class)
                    .satisfies(e -> assertThat(((InvalidFieldsException) e).errors().get(0).args()).containsExactly(bad));
        }
        assertThatThrownBy(() -> VariablePaths.nest(List.of(Map.entry("a", "text"), Map.entry("a.b", "v"))))
                .as("a value cannot also be an object").isInstanceOf(InvalidFieldsException.class);
        assertThatThrownBy(() -> VariablePaths.nest(List.of(Map.entry("a", "text"), Map.entry("a[0]", "v"))))
                .as("a value cannot also be a list").isInstanceOf(InvalidFieldsException.class);
    }

    @Test
    void thereIsALimitToHowManyVariablesOneCallCarries() {
        List<Map.Entry<String, String>> many = Collections.nCopies(VariablePaths.MAX_VARIABLES + 1, Map.entry("a", "b"));
        assertThatThrownBy(() -> VariablePaths.nest(many)).isInstanceOf(InvalidFieldsException.class);
    }
}
