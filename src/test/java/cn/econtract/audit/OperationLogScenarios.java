package cn.econtract.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.audit.ChainVerification;
import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationEntry;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.audit.Outcome;
import cn.econtract.support.DatabaseOwner;
import cn.econtract.support.Http;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operation log on a real database: appends chain, tampering is named, the database guards
 * the table (PostgreSQL), retention purges only what is old. Every test leaves the chain intact.
 */
abstract class OperationLogScenarios {

    @LocalServerPort
    int port;
    @Autowired
    OperationLogService log;
    @Autowired
    JdbcTemplate jdbc;

    abstract boolean databaseGuardsTheTable();

    @Test
    void appendedEntriesFormAnIntactChain() {
        OperationEntry first = log.append(OperationRecord.success("tester", OperationAction.VIEW, "contract", "c-1"));
        OperationEntry second = log.append(OperationRecord.success("tester", OperationAction.EXPORT, "contract", "c-1"));

        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.prevHash()).isEqualTo(first.entryHash());
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void concurrentAppendsNeverForkTheChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<OperationEntry>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 80; i++) {
                int n = i;
                futures.add(pool.submit(() -> log.append(OperationRecord.success("load" + (n % 8), OperationAction.VIEW,
                        "contract", "c-" + n))));
            }
            for (Future<OperationEntry> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        ChainVerification verification = log.verify();
        assertThat(verification.intact()).as(String.valueOf(verification.reason())).isTrue();
    }

    /** Entries written together (group commit): one the database refuses fails only its own caller. */
    @Test
    void aRefusedEntryAmongConcurrentOnesFailsOnlyItsCaller() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        String tooLong = "x".repeat(200);  // actor is VARCHAR(128)
        try {
            List<Future<OperationEntry>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String actor = i == 30 ? tooLong : "group" + (i % 8);
                int n = i;
                futures.add(pool.submit(() -> log.append(OperationRecord.success(actor, OperationAction.VIEW, "contract", "g-" + n))));
            }
            java.util.Set<Long> seqs = new java.util.HashSet<>();
            for (int i = 0; i < futures.size(); i++) {
                if (i == 30) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(futures.get(i)::get)
                            .hasCauseInstanceOf(org.springframework.dao.DataAccessException.class);
                } else {
                    OperationEntry entry = futures.get(i).get();
                    assertThat(entry.resourceId()).isEqualTo("g-" + i);
                    seqs.add(entry.seq());
                }
            }
            assertThat(seqs).hasSize(59);
        } finally {
            pool.shutdown();
        }
        ChainVerification verification = log.verify();
        assertThat(verification.intact()).as(String.valueOf(verification.reason())).isTrue();
    }

    @Test
    void editedEntryIsNamedByVerify() {
        OperationEntry target = log.append(OperationRecord.success("tester", OperationAction.DOWNLOAD, "contract", "c-9"));
        log.record(OperationRecord.success("tester", OperationAction.VIEW, "contract", "c-9"));
        try {
            asDatabaseOwner("UPDATE operation_log SET actor = 'someone-else' WHERE seq = " + target.seq());
            ChainVerification result = log.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadSeq()).isEqualTo(target.seq());
            assertThat(result.reason()).contains("changed");
        } finally {
            asDatabaseOwner("UPDATE operation_log SET actor = 'tester' WHERE seq = " + target.seq());
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void removedEntryIsNamedByVerify() {
        log.record(OperationRecord.success("tester", OperationAction.VIEW, "contract", "c-10"));
        OperationEntry victim = log.append(OperationRecord.success("tester", OperationAction.DELETE, "contract", "c-10"));
        log.record(OperationRecord.success("tester", OperationAction.VIEW, "contract", "c-10"));
        try {
            asDatabaseOwner("DELETE FROM operation_log WHERE seq = " + victim.seq());
            ChainVerification result = log.verify();
            assertThat(result.firstBadSeq()).isEqualTo(victim.seq());
            assertThat(result.reason()).contains("missing");
        } finally {
            reinsert(victim);
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void reorderedEntriesAreNamedByVerify() {
        OperationEntry a = log.append(OperationRecord.success("tester", OperationAction.CREATE, "contract", "c-11"));
        OperationEntry b = log.append(OperationRecord.success("tester", OperationAction.SUBMIT, "contract", "c-11"));
        try {
            // swap the two entries' positions: each row now carries the other's sequence number
            asDatabaseOwner("UPDATE operation_log SET seq = -1 WHERE seq = " + a.seq(),
                    "UPDATE operation_log SET seq = " + a.seq() + " WHERE seq = " + b.seq(),
                    "UPDATE operation_log SET seq = " + b.seq() + " WHERE seq = -1");
            ChainVerification result = log.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadSeq()).isEqualTo(a.seq());
        } finally {
            asDatabaseOwner("UPDATE operation_log SET seq = -1 WHERE seq = " + a.seq(),
                    "UPDATE operation_log SET seq = " + a.seq() + " WHERE seq = " + b.seq(),
                    "UPDATE operation_log SET seq = " + b.seq() + " WHERE seq = -1");
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void theApplicationUserCannotChangeOrRemoveEntriesOnGuardedDatabases() {
        OperationEntry entry = log.append(OperationRecord.success("tester", OperationAction.VIEW, "contract", "c-12"));
        if (databaseGuardsTheTable()) {
            assertThatThrownBy(() -> jdbc.update("UPDATE operation_log SET actor = 'x' WHERE seq = ?", entry.seq()))
                    .rootCause().hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("DELETE FROM operation_log WHERE seq = ?", entry.seq()))
                    .rootCause().hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.execute("TRUNCATE TABLE operation_log")).rootCause().hasMessageContaining("append-only");
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void auditorsVerifyAndExportOverTheApi() {
        log.record(new OperationRecord("tester", OperationAction.MODIFY, "contract", "c-13", Outcome.SUCCESS,
                "=HYPERLINK(\"http://evil\")"));
        Http auditor = Http.basic(port, "auditor", "demo");
        assertThat(Http.json(auditor.get("/api/v1/audit/operations/verify")).get("intact").asBoolean()).isTrue();

        HttpResponse<String> csv = auditor.get("/api/v1/audit/operations/export?resourceId=c-13", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFseq,occurred_at").contains("\"'=HYPERLINK");
        assertThat(Http.basic(port, "drafter", "demo").get("/api/v1/audit/operations").statusCode()).isEqualTo(403);
    }

    @Test
    void purgeRemovesOnlyEntriesBeyondRetentionAndKeepsTheChainVerifiable() {
        OperationEntry recent = log.append(OperationRecord.success("tester", OperationAction.VIEW, "contract", "c-14"));
        assertThat(log.purgeExpired()).isZero();

        // six years from now, everything written so far is beyond the five-year retention
        int removed = log.purgeExpiredAsOf(java.time.Instant.now().plus(Duration.ofDays(6 * 366)));

        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operation_log WHERE seq <= ?", Long.class, recent.seq())).isZero();
        ChainVerification result = log.verify();
        assertThat(result.intact()).as(String.valueOf(result.reason())).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM operation_log WHERE action = 'PURGE'", Long.class)).isEqualTo(1);
    }

    /** Someone with the database owner's rights, bypassing the application (and triggers, on PostgreSQL). */
    void asDatabaseOwner(String... statements) {
        DatabaseOwner.execute(jdbc, databaseGuardsTheTable(), statements);
    }

    private void reinsert(OperationEntry e) {
        jdbc.execute((ConnectionCallback<Void>) (Connection connection) -> {
            try (var ps = connection.prepareStatement("INSERT INTO operation_log (seq, occurred_at, actor, action, "
                    + "resource_type, resource_id, outcome, client_ip, user_agent, detail, prev_hash, entry_hash) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setLong(1, e.seq());
                ps.setObject(2, e.occurredAt().atOffset(java.time.ZoneOffset.UTC));
                ps.setString(3, e.actor());
                ps.setString(4, e.action().name());
                ps.setString(5, e.resourceType());
                ps.setString(6, e.resourceId());
                ps.setString(7, e.outcome().name());
                ps.setString(8, e.clientIp());
                ps.setString(9, e.userAgent());
                ps.setString(10, e.detail());
                ps.setString(11, e.prevHash());
                ps.setString(12, e.entryHash());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
