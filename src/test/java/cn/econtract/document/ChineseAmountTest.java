package cn.econtract.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.document.ChineseAmount;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseAmountTest {

    @ParameterizedTest
    @CsvSource({
            "258000.00, 贰拾伍万捌仟元整",
            "0, 零元整",
            "0.05, 伍分",
            "0.50, 伍角",
            "10, 壹拾元整",
            "15, 壹拾伍元整",
            "100000, 壹拾万元整",
            "1005.50, 壹仟零伍元伍角",
            "1000000.01, 壹佰万元零壹分",
            "10001, 壹万零壹元整",
            "100010000, 壹亿零壹万元整",
            "1200000000, 壹拾贰亿元整",
            "105000.20, 壹拾万伍仟元贰角",
            "3000000.00, 叁佰万元整",
            "1234567890.12, 壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分",
            "20500, 贰万零伍佰元整",
    })
    void writesFinancialUppercase(String amount, String expected) {
        assertThat(ChineseAmount.upper(new BigDecimal(amount))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"-1", "10000000000000000"})
    void refusesNegativeAndAbsurdAmounts(String amount) {
        assertThatThrownBy(() -> ChineseAmount.upper(new BigDecimal(amount))).isInstanceOf(IllegalArgumentException.class);
    }
}
