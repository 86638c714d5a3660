package cn.econtract.app.evidence;

import cn.econtract.app.kernel.ContractEvent;
import java.time.Instant;

/**
 * One link of the evidence chain. {@code entryHash} is SHA-256 over {@link EvidenceHashing#canonical}
 * of every other field, {@code prevHash} is the entry before's; anyone can recompute both.
 */
public record EvidenceEntry(long seq, ContractEvent.Type type, String contractId, String actor, Instant occurredAt,
                            Integer version, String documentHash, String detail, String prevHash, String entryHash) {
}
