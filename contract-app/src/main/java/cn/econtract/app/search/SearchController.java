package cn.econtract.app.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search", description = "检索 full-text search")
class SearchController {

    private final SearchService search;
    private final SearchIndexer indexer;

    SearchController(SearchService search, SearchIndexer indexer) {
        this.search = search;
        this.indexer = indexer;
    }

    @GetMapping("/api/v1/search")
    @Operation(summary = "Full text (\"phrases\", -exclude) over contract text, title, counterparty, number and tags, with filters, "
            + "sorting (RELEVANCE, UPDATED, AMOUNT, EXPIRY), highlights and facet counts; only contracts the caller may view")
    SearchResult search(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                        @RequestParam(required = false) String signingStatus, @RequestParam(required = false) String type,
                        @RequestParam(required = false) String department, @RequestParam(required = false) String counterparty,
                        @RequestParam(required = false) String tag, @RequestParam(required = false) Double minAmount,
                        @RequestParam(required = false) Double maxAmount,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveTo,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresBefore,
                        @RequestParam(required = false) SearchQuery.Sort sort, @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "20") int size) {
        return search.search(new SearchQuery(q, status, signingStatus, type, department, counterparty, tag, minAmount, maxAmount,
                effectiveFrom, effectiveTo, expiresBefore, null, null, sort, page, size));
    }

    @PostMapping("/api/v1/admin/search/reindex")
    @Operation(summary = "Rebuild the search index from the database (administrators)")
    Map<String, Object> reindex() {
        return Map.of("contracts", indexer.reindexAll());
    }
}
