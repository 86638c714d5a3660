package cn.econtract.app.archive;

import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 档号: 全宗号-年度-保管期限-类别-件号 (DA/T 22), e.g. {@code EC01-2026-D10-CG-0007}. 件号 counts
 * within fonds, year, term and category, from 1, without gaps: the counter row is created once in
 * a transaction of its own, then incremented (and locked) in the filing's, so a rolled-back
 * filing gives its number back.
 */
@Component
class ArchiveNumbers {

    static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{1,8}-\\d{4}-(Y|D30|D10)-[A-Z0-9]{1,8}-\\d{4,}");

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    ArchiveNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String next(String fonds, int year, Retention retention, String category) {
        String series = fonds + "-" + year + "-" + retention.code() + "-" + category;
        if (jdbc.sql("SELECT COUNT(*) FROM archive_counter WHERE series = :s").param("s", series).query(Integer.class).single() == 0) {
            try {
                own.executeWithoutResult(status -> jdbc.sql("INSERT INTO archive_counter (series, last_no) VALUES (:s, 0)")
                        .param("s", series).update());
            } catch (DuplicateKeyException raced) {
                // another filing created the series first
            }
        }
        jdbc.sql("UPDATE archive_counter SET last_no = last_no + 1 WHERE series = :s").param("s", series).update();
        int number = jdbc.sql("SELECT last_no FROM archive_counter WHERE series = :s").param("s", series).query(Integer.class).single();
        return series + "-" + String.format("%04d", number);
    }

    static boolean wellFormed(String archiveNo) {
        return archiveNo != null && FORMAT.matcher(archiveNo).matches();
    }
}
