package cn.econtract.app.kernel;

/**
 * Something that happened to a contract and must be provable later (the evidence trail listens).
 * Published inside the transaction that made the change, so the two commit together.
 *
 * @param actor        who did it; {@code null} for the signed-in user
 * @param version      the contract version it concerned
 * @param documentHash SHA-256 of that version's canonical content
 * @param detail       short free text (round and level, file kind …), part of what is proven
 */
public record ContractEvent(Type type, String contractId, String actor, Integer version, String documentHash,
                            String detail) {

    /** The lifecycle events the standard asks to be recorded (S8). */
    public enum Type {
        CREATED, EDITED, SUBMITTED, APPROVED, REJECTED, RETURNED, WITHDRAWN, STATUS_CHANGED, DOWNLOADED, DELETED,
        SIGNED, SEALED, SIGNING_REFUSED, OBLIGATION_PLANNED, OBLIGATION_MET, OBLIGATION_OVERDUE, ARCHIVED, DESTROYED
    }
}
