package cn.econtract.app.archive;

import java.time.Instant;

/** A loan (借阅) of an archived item: requested, then refused, or lent until it ends or is returned. */
public record ArchiveBorrowing(String id, String archiveNo, String borrower, String purpose, int days, Status status,
                               Instant requestedAt, String decidedBy, Instant decidedAt, String opinion, Instant endsAt,
                               Instant closedAt) {

    public enum Status { REQUESTED, LENT, REFUSED, CLOSED }

    /** Whether the borrower may read the archival copy at {@code now}. */
    public boolean open(Instant now) {
        return status == Status.LENT && endsAt != null && now.isBefore(endsAt);
    }
}
