package cn.econtract.app.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the index holds of a contract: its text and the fields searches filter, sort and count by. */
public record IndexedContract(String id, String contractNo, String title, String body, String counterparty, String contractType,
                              String departmentId, String status, String signingStatus, Double amount, LocalDate effectiveDate,
                              LocalDate expiryDate, List<String> tags, String createdBy, Instant updatedAt) {

    public IndexedContract {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
