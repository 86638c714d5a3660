package cn.econtract.app.contract;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contract numbers such as {@code CG-2026-000123}: a prefix per contract type, the year (Beijing
 * time) and a counter per prefix and year, drawn under a row lock so two nodes never collide.
 */
@Component
class ContractNumbers {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final JdbcClient jdbc;
    private final Clock clock;
    private final NumberingProperties numbering;

    ContractNumbers(JdbcClient jdbc, Clock clock, NumberingProperties numbering) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.numbering = numbering;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(String contractType) {
        String prefix = numbering.prefixOf(contractType);
        int year = clock.instant().atZone(CHINA).getYear();
        Long last = jdbc.sql("SELECT last_no FROM contract_number_counter WHERE prefix = :p AND counter_year = :y FOR UPDATE")
                .param("p", prefix).param("y", year).query(Long.class).optional().orElse(null);
        long next;
        if (last == null) {
            next = 1;
            jdbc.sql("INSERT INTO contract_number_counter (prefix, counter_year, last_no) VALUES (:p, :y, 1)")
                    .param("p", prefix).param("y", year).update();
        } else {
            next = last + 1;
            jdbc.sql("UPDATE contract_number_counter SET last_no = :n WHERE prefix = :p AND counter_year = :y")
                    .param("n", next).param("p", prefix).param("y", year).update();
        }
        return String.format(Locale.ROOT, "%s-%d-%0" + numbering.digits() + "d", prefix, year, next);
    }
}
