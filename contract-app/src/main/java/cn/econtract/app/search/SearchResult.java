package cn.econtract.app.search;

import java.util.List;
import java.util.Map;

/**
 * Hits of one page with highlights (fragments of title or text, matches in {@code <em>}, the rest
 * HTML-escaped) and facet counts over all matches: status, signingStatus, contractType, departmentId.
 */
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets) {

    public record Hit(String id, String contractNo, String title, String counterparty, String status, String contractType,
                      Double amount, List<String> tags, List<String> highlights) {
    }
}
