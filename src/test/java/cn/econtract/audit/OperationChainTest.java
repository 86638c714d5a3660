package cn.econtract.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationChain;
import cn.econtract.app.audit.OperationEntry;
import cn.econtract.app.audit.Outcome;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class OperationChainTest {

    private final OperationChain chain = new OperationChain(new SecretKeySpec(new byte[32], "HmacSHA256"));
    private final OperationEntry entry = new OperationEntry(7, Instant.parse("2026-11-28T08:00:00Z"), "drafter",
            OperationAction.DELETE, "contract", "c-1", Outcome.DENIED, "10.0.0.1", "curl", "missing contract:delete",
            OperationChain.GENESIS, null);

    @Test
    void sameEntryHashesAlike() {
        assertThat(chain.hash(entry)).isEqualTo(chain.hash(entry)).hasSize(64);
    }

    @Test
    void everyFieldIsCovered() {
        String original = chain.hash(entry);
        assertThat(chain.hash(with(8, entry.actor(), entry.detail(), entry.prevHash()))).isNotEqualTo(original);
        assertThat(chain.hash(with(7, "legal", entry.detail(), entry.prevHash()))).isNotEqualTo(original);
        assertThat(chain.hash(with(7, entry.actor(), "changed", entry.prevHash()))).isNotEqualTo(original);
        assertThat(chain.hash(with(7, entry.actor(), entry.detail(), "1".repeat(64)))).isNotEqualTo(original);
        assertThat(chain.hash(new OperationEntry(7, entry.occurredAt().plusMillis(1), "drafter", entry.action(),
                entry.resourceType(), entry.resourceId(), entry.outcome(), entry.clientIp(), entry.userAgent(),
                entry.detail(), entry.prevHash(), null))).isNotEqualTo(original);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        OperationEntry a = new OperationEntry(1, entry.occurredAt(), "ab", OperationAction.VIEW, "c", null,
                Outcome.SUCCESS, null, null, null, OperationChain.GENESIS, null);
        OperationEntry b = new OperationEntry(1, entry.occurredAt(), "a", OperationAction.VIEW, "bc", null,
                Outcome.SUCCESS, null, null, null, OperationChain.GENESIS, null);
        assertThat(chain.hash(a)).isNotEqualTo(chain.hash(b));
    }

    @Test
    void nullAndEmptyDiffer() {
        OperationEntry empty = with(7, entry.actor(), "", entry.prevHash());
        OperationEntry absent = with(7, entry.actor(), null, entry.prevHash());
        assertThat(chain.hash(empty)).isNotEqualTo(chain.hash(absent));
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        OperationChain other = new OperationChain(new SecretKeySpec(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, "HmacSHA256"));
        assertThat(other.hash(entry)).isNotEqualTo(chain.hash(entry));
    }

    private OperationEntry with(long seq, String actor, String detail, String prev) {
        return new OperationEntry(seq, entry.occurredAt(), actor, entry.action(), entry.resourceType(), entry.resourceId(),
                entry.outcome(), entry.clientIp(), entry.userAgent(), detail, prev, null);
    }
}
