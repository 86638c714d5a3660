package cn.econtract.app.audit;

import java.time.Instant;

/** One stored, chained entry of the operation log. */
public record OperationEntry(long seq, Instant occurredAt, String actor, OperationAction action,
                             String resourceType, String resourceId, Outcome outcome,
                             String clientIp, String userAgent, String detail,
                             String prevHash, String entryHash) {
}
