package cn.econtract.app.search;

import java.time.LocalDate;
import java.util.Set;

/**
 * One search. {@code text} in the simple query syntax ("quoted phrases", -exclude); every filter
 * optional. {@code departments} null means every department; else the caller sees contracts of
 * those departments and the ones they created ({@code viewer}).
 */
public record SearchQuery(String text, String status, String signingStatus, String contractType, String departmentId,
                          String counterparty, String tag, Double minAmount, Double maxAmount, LocalDate effectiveFrom,
                          LocalDate effectiveTo, LocalDate expiresBefore, Set<String> departments, String viewer, Sort sort,
                          int page, int size) {

    public enum Sort { RELEVANCE, UPDATED, AMOUNT, EXPIRY }

    public SearchQuery {
        sort = sort == null ? (text == null || text.isBlank() ? Sort.UPDATED : Sort.RELEVANCE) : sort;
        page = Math.max(page, 0);
        size = size <= 0 ? 20 : Math.min(size, 100);
    }
}
