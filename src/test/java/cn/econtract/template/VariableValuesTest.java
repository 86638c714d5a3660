package cn.econtract.template;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.template.VariableSpec;
import cn.econtract.app.template.VariableType;
import cn.econtract.app.template.VariableValues;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableValuesTest {

    private static final List<VariableSpec> SCHEMA = List.of(
            spec("partyB", VariableType.PARTY, true),
            new VariableSpec("amount", "合同总价", VariableType.MONEY, true, new BigDecimal("0.01"), null, null, null, null, null),
            spec("signDate", VariableType.DATE, true),
            new VariableSpec("jurisdiction", "争议解决", VariableType.SELECT, true, null, null, null, null,
                    List.of("甲方所在地有管辖权的人民法院", "北京仲裁委员会"), null),
            new VariableSpec("goodsName", "货物名称", VariableType.TEXT, false, null, null, 10, null, null, null),
            new VariableSpec("schedule", "付款计划", VariableType.TABLE, false, null, null, null, null, null, List.of(
                    new VariableSpec("ratio", "比例", VariableType.NUMBER, true, BigDecimal.ZERO, new BigDecimal("100"), null, null, null, null),
                    spec("due", VariableType.TEXT, true))));

    @Test
    void acceptsAndNormalisesGoodValues() {
        VariableValues.Result r = VariableValues.check(SCHEMA, Map.of(
                "partyB", Map.of("name", "上海精工机床有限公司", "creditCode", "91310115MA1H7GXX2K"),
                "amount", "258,000", "signDate", "2026-12-01", "jurisdiction", "北京仲裁委员会",
                "schedule", List.of(Map.of("ratio", 30, "due", "合同签订后10日内"), Map.of("ratio", "70.0", "due", "验收合格后30日内"))), true);
        assertThat(r.errors()).isEmpty();
        assertThat(r.values()).containsEntry("amount", "258000.00").containsEntry("signDate", "2026-12-01");
        assertThat((List<?>) r.values().get("schedule")).hasSize(2);
        assertThat(((Map<?, ?>) ((List<?>) r.values().get("schedule")).get(1)).get("ratio")).isEqualTo("70");
    }

    @Test
    void reportsEveryBadFieldOnce() {
        VariableValues.Result r = VariableValues.check(SCHEMA, Map.of(
                "partyB", Map.of("name", "某公司", "creditCode", "123"),
                "amount", "-5", "signDate", "2026-02-30", "jurisdiction", "火星法院", "goodsName", "一二三四五六七八九十十一",
                "schedule", List.of(Map.of("ratio", 130)), "colour", "red"), true);
        assertThat(r.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "variables.colour", "variables.partyB.creditCode", "variables.amount", "variables.signDate",
                "variables.jurisdiction", "variables.goodsName", "variables.schedule[0].ratio", "variables.schedule[0].due");
        assertThat(r.errors()).filteredOn(e -> e.field().equals("variables.amount"))
                .extracting(FieldError::messageKey).containsExactly("validation.amount.negative");
    }

    @Test
    void instalmentSharesMustAddUpToOneHundredPercent() {
        Map<String, Object> over = Map.of("schedule", List.of(Map.of("ratio", 60, "due", "签订后"), Map.of("ratio", 50, "due", "验收后")));
        assertThat(VariableValues.check(SCHEMA, over, false).errors()).extracting(FieldError::field, FieldError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("variables.schedule", "validation.variable.ratioSum"));
        Map<String, Object> under = Map.of("schedule", List.of(Map.of("ratio", 30, "due", "签订后")));
        assertThat(VariableValues.check(SCHEMA, under, false).errors()).isEmpty();
        assertThat(VariableValues.check(SCHEMA, under, true).errors()).extracting(FieldError::field).contains("variables.schedule");
    }

    @Test
    void missingRequiredValuesAreErrorsOnlyWhenCompletenessIsAsked() {
        assertThat(VariableValues.check(SCHEMA, Map.of(), true).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("variables.partyB", "variables.amount", "variables.signDate", "variables.jurisdiction");
        assertThat(VariableValues.check(SCHEMA, Map.of(), false).errors()).isEmpty();
    }

    private static VariableSpec spec(String name, VariableType type, boolean required) {
        return new VariableSpec(name, name, type, required, null, null, null, null, null, null);
    }
}
