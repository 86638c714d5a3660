package cn.econtract.app.audit;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retention how long entries are kept; the standard (S4) demands at least five years, so a
 *                  shorter setting stops the application from starting
 */
@ConfigurationProperties("econtract.audit")
public record AuditProperties(Period retention) {

    static final Period MINIMUM = Period.ofYears(5);

    public AuditProperties {
        if (retention == null) {
            retention = MINIMUM;
        }
        java.time.LocalDate reference = java.time.LocalDate.of(2000, 1, 1);
        if (reference.plus(retention).isBefore(reference.plus(MINIMUM))) {
            throw new IllegalArgumentException("econtract.audit.retention must be at least 5 years (S4), was " + retention);
        }
    }
}
