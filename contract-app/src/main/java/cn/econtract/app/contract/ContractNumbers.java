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
 * time) and a counter per prefix and year, drawn under a row lock so two nodes never collide;
 * the first number of a year creates its row in a separate transaction, so first drafts do not race.
 */
@Component
class ContractNumbers implements org.springframework.boot.ApplicationRunner {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final JdbcClient jdbc;
    private final Clock clock;
    private final NumberingProperties numbering;

    private final org.springframework.transaction.support.TransactionTemplate newTransaction;

    ContractNumbers(JdbcClient jdbc, Clock clock, NumberingProperties numbering,
                    org.springframework.transaction.PlatformTransactionManager transactions) {
        this.newTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.clock = clock;
        this.numbering = numbering;
    }

    /**
     * Counter rows for every configured prefix, this year and next, exist before the first draft:
     * drafting then only ever updates a row and never waits for a second connection.
     */
    @Override
    public void run(org.springframework.boot.ApplicationArguments args) {
        int year = clock.instant().atZone(CHINA).getYear();
        java.util.Set<String> prefixes = new java.util.TreeSet<>(numbering.prefixes().values());
        prefixes.add(numbering.defaultPrefix());
        for (String prefix : prefixes) {
            createCounter(prefix, year);
            createCounter(prefix, year + 1);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(String contractType) {
        String prefix = numbering.prefixOf(contractType);
        int year = clock.instant().atZone(CHINA).getYear();
        if (increment(prefix, year) == 0) {
            // a prefix or year not seeded at start-up: the row is created in its own short transaction
            // so concurrent first drafts (or two nodes) wait on one row instead of racing two inserts
            createCounter(prefix, year);
            if (increment(prefix, year) == 0) {
                throw new IllegalStateException("no number counter for " + prefix + " " + year);
            }
        }
        // the UPDATE holds the row lock until this transaction ends: the value read is ours alone
        long next = jdbc.sql("SELECT last_no FROM contract_number_counter WHERE prefix = :p AND counter_year = :y")
                .param("p", prefix).param("y", year).query(Long.class).single();
        return String.format(Locale.ROOT, "%s-%d-%0" + numbering.digits() + "d", prefix, year, next);
    }

    private int increment(String prefix, int year) {
        return jdbc.sql("UPDATE contract_number_counter SET last_no = last_no + 1 WHERE prefix = :p AND counter_year = :y")
                .param("p", prefix).param("y", year).update();
    }

    private void createCounter(String prefix, int year) {
        if (jdbc.sql("SELECT COUNT(*) FROM contract_number_counter WHERE prefix = :p AND counter_year = :y")
                .param("p", prefix).param("y", year).query(Long.class).single() > 0) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(status -> jdbc.sql(
                            "INSERT INTO contract_number_counter (prefix, counter_year, last_no) VALUES (:p, :y, 0)")
                    .param("p", prefix).param("y", year).update());
        } catch (org.springframework.dao.DataAccessException e) {
            // another transaction created it first (duplicate key, or H2's concurrent-insert lock error)
            Long exists = jdbc.sql("SELECT COUNT(*) FROM contract_number_counter WHERE prefix = :p AND counter_year = :y")
                    .param("p", prefix).param("y", year).query(Long.class).single();
            if (exists == 0) {
                throw e;
            }
        }
    }
}
