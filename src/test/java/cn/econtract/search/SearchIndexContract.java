package cn.econtract.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.search.IndexedContract;
import cn.econtract.app.search.SearchIndex;
import cn.econtract.app.search.SearchQuery;
import cn.econtract.app.search.SearchResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every search engine must do, run against each real engine (Lucene in memory,
 * Elasticsearch on a real node): Chinese phrases and words, tags, every filter, who may see what,
 * sorting, paging, highlights that escape the text, facet counts, replace and delete.
 */
abstract class SearchIndexContract {

    static final IndexedContract LATHE = new IndexedContract("c-lathe", "CG-2026-000101", "数控车床采购合同",
            "甲方向乙方采购数控车床三台，交货地点为上海市浦东新区张江路。<script>alert(1)</script>", "上海精工机床有限公司", "PURCHASE",
            "purchasing", "IN_FORCE", "SIGNED", 258_000.0, LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30),
            List.of("框架协议", "重点供应商"), "drafter", Instant.parse("2026-11-01T08:00:00Z"));
    static final IndexedContract REPAIR = new IndexedContract("c-repair", "JS-2026-000102", "办公设备维修服务合同",
            "乙方提供办公设备维修服务，响应时间为四小时。", "北京快修科技有限公司", "TECH_SERVICE", "purchasing", "DRAFT", "UNSIGNED",
            36_000.0, null, LocalDate.of(2026, 12, 31), List.of(), "drafter", Instant.parse("2026-11-02T08:00:00Z"));
    static final IndexedContract SALE = new IndexedContract("c-sale", "XS-2026-000103", "产品销售合同",
            "甲方向乙方销售数控车床配件一批。", "广州华南贸易有限公司", "SALES", "sales", "APPROVED", "UNSIGNED", 1_200_000.0,
            LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1), List.of("重点客户"), "salesrep", Instant.parse("2026-11-03T08:00:00Z"));
    static final IndexedContract NDA = new IndexedContract("c-nda", "BM-2026-000104", "保密协议",
            "双方对合作中知悉的商业秘密负有保密义务。", "深圳创新科技有限公司", "NDA", "legaldept", "IN_FORCE", "SIGNED", null,
            LocalDate.of(2026, 5, 1), null, List.of(), "legal", Instant.parse("2026-11-04T08:00:00Z"));

    SearchIndex index;

    abstract SearchIndex newIndex() throws Exception;

    @BeforeEach
    void fill() throws Exception {
        index = newIndex();
        index.clear();
        List.of(LATHE, REPAIR, SALE, NDA).forEach(index::upsert);
    }

    SearchResult search(String text, String status, String type, String tag, Double min, Double max, LocalDate expiresBefore,
                        Set<String> departments, String viewer, SearchQuery.Sort sort, int page, int size) {
        return index.search(new SearchQuery(text, status, null, type, null, null, tag, min, max, null, null, expiresBefore,
                departments, viewer, sort, page, size));
    }

    SearchResult text(String text) {
        return search(text, null, null, null, null, null, null, null, null, null, 0, 20);
    }

    static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void aPhraseOfTheTextFindsItsContractWithTheMatchHighlighted() {
        SearchResult result = text("\"交货地点为上海市浦东新区张江路\"");
        assertThat(ids(result)).containsExactly("c-lathe");
        assertThat(String.join(" ", result.hits().get(0).highlights())).contains("<em>").contains("&lt;script&gt;")
                .doesNotContain("<script>");
        assertThat(ids(text("\"交货地点为北京市浦东新区张江路\""))).isEmpty();
    }

    @Test
    void chineseWordsTitlesNumbersAndTagsAreFound() {
        assertThat(ids(text("车床"))).containsExactlyInAnyOrder("c-lathe", "c-sale");
        assertThat(ids(text("维修服务"))).containsExactly("c-repair");
        assertThat(ids(text("CG-2026-000101"))).containsExactly("c-lathe");
        assertThat(ids(text("重点客户"))).containsExactly("c-sale");
        assertThat(ids(text("车床 -销售"))).containsExactly("c-lathe");
    }

    @Test
    void everyFilterNarrowsTheResult() {
        assertThat(ids(search(null, "IN_FORCE", null, null, null, null, null, null, null, null, 0, 20)))
                .containsExactlyInAnyOrder("c-lathe", "c-nda");
        assertThat(ids(search(null, null, "SALES", null, null, null, null, null, null, null, 0, 20))).containsExactly("c-sale");
        assertThat(ids(search(null, null, null, "框架协议", null, null, null, null, null, null, 0, 20))).containsExactly("c-lathe");
        assertThat(ids(search(null, null, null, null, 100_000.0, 500_000.0, null, null, null, null, 0, 20))).containsExactly("c-lathe");
        assertThat(ids(search(null, null, null, null, null, null, LocalDate.of(2027, 1, 1), null, null, null, 0, 20)))
                .containsExactly("c-repair");
        assertThat(ids(index.search(new SearchQuery(null, null, "SIGNED", null, null, "上海精工机床有限公司", null, null, null,
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 12, 31), null, null, null, null, 0, 20)))).containsExactly("c-lathe");
        assertThat(ids(index.search(new SearchQuery("车床", null, null, null, "sales", null, null, null, null, null, null, null,
                null, null, null, 0, 20)))).containsExactly("c-sale");
    }

    @Test
    void aUserSeesTheirDepartmentsAndWhatTheyCreatedOnly() {
        assertThat(ids(search(null, null, null, null, null, null, null, Set.of("purchasing"), "nobody", null, 0, 20)))
                .containsExactlyInAnyOrder("c-lathe", "c-repair");
        assertThat(ids(search("车床", null, null, null, null, null, null, Set.of(), "salesrep", null, 0, 20))).containsExactly("c-sale");
        assertThat(ids(search("保密", null, null, null, null, null, null, Set.of("purchasing"), "drafter", null, 0, 20))).isEmpty();
    }

    @Test
    void sortedPagedAndCounted() {
        SearchResult all = search(null, null, null, null, null, null, null, null, null, SearchQuery.Sort.AMOUNT, 0, 20);
        assertThat(all.total()).isEqualTo(4);
        assertThat(ids(all).subList(0, 3)).containsExactly("c-sale", "c-lathe", "c-repair");
        assertThat(all.facets().get("status")).containsEntry("IN_FORCE", 2L).containsEntry("DRAFT", 1L).containsEntry("APPROVED", 1L);
        assertThat(all.facets().get("departmentId")).containsEntry("purchasing", 2L);
        assertThat(ids(search(null, null, null, null, null, null, null, null, null, SearchQuery.Sort.UPDATED, 0, 20)))
                .containsExactly("c-nda", "c-sale", "c-repair", "c-lathe");
        assertThat(ids(search(null, null, null, null, null, null, null, null, null, SearchQuery.Sort.EXPIRY, 0, 20)).get(0))
                .isEqualTo("c-repair");
        SearchResult second = search(null, null, null, null, null, null, null, null, null, SearchQuery.Sort.UPDATED, 1, 2);
        assertThat(second.total()).isEqualTo(4);
        assertThat(ids(second)).containsExactly("c-repair", "c-lathe");
    }

    @Test
    void anUpsertReplacesAndADeleteRemoves() {
        index.upsert(new IndexedContract("c-repair", "JS-2026-000102", "空调维保服务合同", "乙方提供空调维保服务。", "北京快修科技有限公司",
                "TECH_SERVICE", "purchasing", "DRAFT", "UNSIGNED", 36_000.0, null, null, List.of("维保"), "drafter",
                Instant.parse("2026-11-05T08:00:00Z")));
        assertThat(ids(text("维修服务"))).isEmpty();
        assertThat(ids(text("空调"))).containsExactly("c-repair");
        assertThat(search(null, null, null, null, null, null, null, null, null, null, 0, 20).total()).isEqualTo(4);
        index.delete("c-nda");
        assertThat(ids(text("保密"))).isEmpty();
        SearchResult after = search(null, null, null, null, null, null, null, null, null, null, 0, 20);
        assertThat(after.total()).isEqualTo(3);
        // facet counts follow the change too (an engine may keep per-reader facet state)
        assertThat(after.facets().get("status")).containsEntry("IN_FORCE", 1L);
        assertThat(after.facets().get("departmentId")).doesNotContainKey("legaldept");
    }
}
