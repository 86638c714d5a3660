package cn.econtract.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.audit.AuditProperties;
import java.time.Period;
import org.junit.jupiter.api.Test;

class AuditPropertiesTest {

    @Test
    void retentionDefaultsToFiveYears() {
        assertThat(new AuditProperties(null).retention()).isEqualTo(Period.ofYears(5));
    }

    @Test
    void retentionBelowFiveYearsIsRefused() {
        assertThatThrownBy(() -> new AuditProperties(Period.ofYears(4))).hasMessageContaining("at least 5 years");
        assertThatThrownBy(() -> new AuditProperties(Period.ofDays(1800))).hasMessageContaining("at least 5 years");
    }

    @Test
    void longerRetentionInAnyUnitIsAccepted() {
        assertThat(new AuditProperties(Period.ofDays(3653)).retention()).isEqualTo(Period.ofDays(3653));
        assertThat(new AuditProperties(Period.ofMonths(61)).retention()).isEqualTo(Period.ofMonths(61));
    }
}
