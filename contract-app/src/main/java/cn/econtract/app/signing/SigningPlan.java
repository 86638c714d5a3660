package cn.econtract.app.signing;

import java.time.Instant;

/**
 * One signing attempt of a contract: the order and factors the policy set, the deadline, and the
 * hash of the approved PDF every signer signs.
 */
public record SigningPlan(String id, String contractId, int attempt, SigningOrder order, int factorCount, boolean realName,
                          Instant deadline, Status status, String sourceSha256, String createdBy, Instant createdAt,
                          Instant endedAt, String endReason) {

    public enum Status { OPEN, SIGNED, STOPPED, CANCELLED }

    public enum SigningOrder { SEQUENTIAL, PARALLEL }
}
