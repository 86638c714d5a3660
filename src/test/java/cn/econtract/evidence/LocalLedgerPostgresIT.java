package cn.econtract.evidence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.evidence.EvidenceTrail;
import cn.econtract.app.kernel.ContractEvent;
import cn.econtract.support.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@OnPostgres
class LocalLedgerPostgresIT extends LocalLedgerScenarios {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EvidenceTrail trail;

    @Test
    void postgresRefusesToChangeOrRemoveBlocksAndEntries() {
        ledger.anchor(header());
        trail.record(new ContractEvent(ContractEvent.Type.DOWNLOADED, "trigger-check", "tester", null, null, "append-only check"));
        assertThatThrownBy(() -> jdbc.update("UPDATE ledger_block SET signature = 'x'")).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM ledger_block")).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE evidence_entry SET actor = 'x'")).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("TRUNCATE evidence_entry")).hasStackTraceContaining("append-only");
    }
}
