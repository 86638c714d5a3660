package cn.econtract.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.support.OnPostgres;
import org.junit.jupiter.api.Test;

@OnPostgres
class ArchivePostgresIT extends ArchiveScenarios {

    /** On PostgreSQL the database itself keeps what was filed: only the term and the destruction may change. */
    @Test
    void theDatabaseRefusesToChangeOrRemoveWhatWasFiled() {
        String no = archived();
        assertThatThrownBy(() -> jdbc.sql("UPDATE archive_record SET title = '改过的标题' WHERE archive_no = :n").param("n", no).update())
                .hasStackTraceContaining("is immutable");
        assertThatThrownBy(() -> jdbc.sql("UPDATE archive_record SET package_sha256 = copy_sha256 WHERE archive_no = :n").param("n", no)
                .update()).hasStackTraceContaining("is immutable");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM archive_record WHERE archive_no = :n").param("n", no).update())
                .hasStackTraceContaining("never deleted");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE archive_record").update()).hasStackTraceContaining("append-only");
        assertThat(jdbc.sql("UPDATE archive_record SET retention_ends = retention_ends WHERE archive_no = :n").param("n", no).update())
                .as("the term is what a review may extend").isEqualTo(1);
        jdbc.sql("INSERT INTO archive_appraisal (archive_no, task_id, step, decision, actor, opinion, decided_at) "
                + "VALUES (:n, 'manual', 'REVIEW', 'REJECT', 'archivist', '测试', CURRENT_TIMESTAMP)").param("n", no).update();
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM archive_appraisal WHERE archive_no = :n").param("n", no).update())
                .hasStackTraceContaining("append-only");
    }
}
