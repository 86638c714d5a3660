package cn.econtract.signing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.signing.RealNameVerifier;
import java.lang.reflect.Constructor;
import org.junit.jupiter.api.Test;

/** The labelled stand-in for a real-name vendor checks what can be checked offline, nothing more. */
class SigningRulesTest {

    @Test
    void theDemoRealNameCheckKnowsTheResidentIdCheckDigitAndNothingElse() throws Exception {
        Class<?> type = Class.forName("cn.econtract.app.signing.DemoRealNameVerifier");
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        RealNameVerifier verifier = (RealNameVerifier) constructor.newInstance();
        assertThat(verifier.verify("王五", "11010519491231002X", "13800138000").verified()).isTrue();
        assertThat(verifier.verify("王五", "110105194912310021", "13800138000").reason()).as("wrong check digit").isEqualTo("idNumber");
        assertThat(verifier.verify("王五", "11010519491231002X", "12345").reason()).isEqualTo("phone");
        assertThat(verifier.verify(" ", "11010519491231002X", "13800138000").reason()).isEqualTo("name");
        RealNameVerifier.Verdict verdict = verifier.verify("王五", "11010519491231002X", "13800138000");
        assertThat(verdict.provider()).isEqualTo("demo");
        assertThat(verdict.reference()).startsWith("demo-").doesNotContain("11010519491231002X");
    }
}
