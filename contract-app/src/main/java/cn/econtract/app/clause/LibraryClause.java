package cn.econtract.app.clause;

import java.time.Instant;
import java.util.List;

/** One version of a library clause. {@code contentHash} is SHA-256 of the text, so contracts can tell an edit. */
public record LibraryClause(String code, int version, String category, String title, List<String> tags, String text,
                            String contentHash, String createdBy, Instant createdAt) {
}
