package cn.econtract.app.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * The distributed engine: Elasticsearch through the official Java client. Chinese text with the
 * {@code standard} analyzer, which every Elasticsearch has (it indexes each Han character); a
 * query's runs of Han characters are searched as phrases, so 车床 finds 数控车床 and not 车…床 apart.
 * A cluster with a Chinese analysis plugin can name it in {@code econtract.search.analyzer}.
 * Keyword fields for filters, sorting and facet counts. Single writes refresh at once so the next
 * search sees them; bulk loads refresh once at the end.
 */
public class ElasticsearchSearchIndex implements SearchIndex {

    private static final String[] TEXT_FIELDS = {"title^3", "body", "counterparty^2", "contractNo^3", "tags^2"};

    private final RestClient rest;
    private final ElasticsearchClient client;
    private final String index;
    private final String url;
    private final String analyzer;

    public ElasticsearchSearchIndex(String url, String index, String username, String password) {
        this(url, index, username, password, "standard");
    }

    public ElasticsearchSearchIndex(String url, String index, String username, String password, String analyzer) {
        this.url = url;
        this.index = index;
        this.analyzer = analyzer == null || analyzer.isBlank() ? "standard" : analyzer;
        RestClientBuilder builder = RestClient.builder(HttpHost.create(url));
        if (username != null && !username.isBlank()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(username, password));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        this.rest = builder.build();
        this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(new ObjectMapper())));
        createIndexIfMissing();
    }

    private void createIndexIfMissing() {
        try {
            if (client.indices().exists(e -> e.index(index)).value()) {
                return;
            }
            client.indices().create(c -> c.index(index).mappings(m -> m
                    .properties("id", p -> p.keyword(k -> k))
                    .properties("contractNo", p -> p.keyword(k -> k))
                    .properties("title", p -> p.text(t -> t.analyzer(analyzer)))
                    .properties("body", p -> p.text(t -> t.analyzer(analyzer)))
                    .properties("counterparty", p -> p.text(t -> t.analyzer(analyzer).fields("exact", f -> f.keyword(k -> k))))
                    .properties("tags", p -> p.keyword(k -> k))
                    .properties("status", p -> p.keyword(k -> k))
                    .properties("signingStatus", p -> p.keyword(k -> k))
                    .properties("contractType", p -> p.keyword(k -> k))
                    .properties("departmentId", p -> p.keyword(k -> k))
                    .properties("createdBy", p -> p.keyword(k -> k))
                    .properties("amount", p -> p.double_(d -> d))
                    .properties("effectiveDate", p -> p.date(d -> d.format("yyyy-MM-dd")))
                    .properties("expiryDate", p -> p.date(d -> d.format("yyyy-MM-dd")))
                    .properties("updatedAt", p -> p.date(d -> d.format("epoch_millis")))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Elasticsearch at " + url, e);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    @Override
    public void upsert(IndexedContract c) {
        try {
            client.index(i -> i.index(index).id(c.id()).document(source(c)).refresh(Refresh.True));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Many at once (reindex, benchmarks): one bulk request; {@link #refresh()} makes them visible. */
    @Override
    public void upsertAll(List<IndexedContract> contracts) {
        if (contracts.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (IndexedContract c : contracts) {
            bulk.operations(o -> o.index(i -> i.index(index).id(c.id()).document(source(c))));
        }
        try {
            var response = client.bulk(bulk.build());
            if (response.errors()) {
                throw new IllegalStateException("bulk indexing failed: " + response.items().stream()
                        .filter(item -> item.error() != null).findFirst().map(item -> item.error().reason()).orElse("?"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void refresh() {
        try {
            client.indices().refresh(r -> r.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> source(IndexedContract c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", c.id());
        s.put("contractNo", c.contractNo());
        s.put("title", c.title());
        s.put("body", c.body());
        s.put("counterparty", c.counterparty());
        s.put("tags", c.tags());
        s.put("status", c.status());
        s.put("signingStatus", c.signingStatus());
        s.put("contractType", c.contractType());
        s.put("departmentId", c.departmentId());
        s.put("createdBy", c.createdBy());
        s.put("amount", c.amount());
        s.put("effectiveDate", c.effectiveDate() == null ? null : c.effectiveDate().toString());
        s.put("expiryDate", c.expiryDate() == null ? null : c.expiryDate().toString());
        s.put("updatedAt", c.updatedAt() == null ? null : c.updatedAt().toEpochMilli());
        return s;
    }

    @Override
    public void delete(String contractId) {
        try {
            client.delete(d -> d.index(index).id(contractId).refresh(Refresh.True));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops and recreates the index (delete-by-query is an optional module a cluster may lack). */
    @Override
    public void clear() {
        try {
            if (client.indices().exists(e -> e.index(index)).value()) {
                client.indices().delete(d -> d.index(index));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        createIndexIfMissing();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public SearchResult search(SearchQuery q) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        boolean text = q.text() != null && !q.text().isBlank();
        if (text) {
            String query = "standard".equals(analyzer) ? hanAsPhrases(q.text().strip()) : q.text().strip();
            bool.must(m -> m.simpleQueryString(s -> s.query(query).fields(List.of(TEXT_FIELDS)).defaultOperator(Operator.And)));
        } else {
            bool.must(m -> m.matchAll(a -> a));
        }
        term(bool, "status", q.status());
        term(bool, "signingStatus", q.signingStatus());
        term(bool, "contractType", q.contractType());
        term(bool, "departmentId", q.departmentId());
        term(bool, "counterparty.exact", q.counterparty());
        term(bool, "tags", q.tag());
        if (q.minAmount() != null || q.maxAmount() != null) {
            bool.filter(f -> f.range(r -> r.number(n -> {
                n.field("amount");
                if (q.minAmount() != null) {
                    n.gte(q.minAmount());
                }
                if (q.maxAmount() != null) {
                    n.lte(q.maxAmount());
                }
                return n;
            })));
        }
        if (q.effectiveFrom() != null || q.effectiveTo() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("effectiveDate");
                if (q.effectiveFrom() != null) {
                    d.gte(q.effectiveFrom().toString());
                }
                if (q.effectiveTo() != null) {
                    d.lte(q.effectiveTo().toString());
                }
                return d;
            })));
        }
        if (q.expiresBefore() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> d.field("expiryDate").lt(q.expiresBefore().toString()))));
        }
        if (q.departments() != null) {
            BoolQuery.Builder visible = new BoolQuery.Builder().minimumShouldMatch("1");
            q.departments().forEach(dept -> visible.should(s -> s.term(t -> t.field("departmentId").value(dept))));
            if (q.viewer() != null) {
                visible.should(s -> s.term(t -> t.field("createdBy").value(q.viewer())));
            }
            bool.filter(Query.of(f -> f.bool(visible.build())));
        }
        SearchRequest.Builder request = new SearchRequest.Builder().index(index).query(Query.of(x -> x.bool(bool.build())))
                .from(q.page() * q.size()).size(q.size()).trackTotalHits(t -> t.enabled(true));
        switch (q.sort()) {
            case UPDATED -> request.sort(s -> s.field(f -> f.field("updatedAt").order(SortOrder.Desc)));
            case AMOUNT -> request.sort(s -> s.field(f -> f.field("amount").order(SortOrder.Desc)));
            case EXPIRY -> request.sort(s -> s.field(f -> f.field("expiryDate").order(SortOrder.Asc).missing(FieldValue.of("_last"))));
            case RELEVANCE -> { }
        }
        if (text) {
            request.highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                    .fields("title", f -> f.numberOfFragments(0))
                    .fields("body", f -> f.numberOfFragments(2).fragmentSize(100)));
        }
        for (String field : Facets.FIELDS) {
            request.aggregations(field, a -> a.terms(t -> t.field(field).size(50)));
        }
        try {
            SearchResponse<Map> response = client.search(request.build(), Map.class);
            List<SearchResult.Hit> hits = new ArrayList<>();
            for (Hit<Map> hit : response.hits().hits()) {
                Map<String, Object> s = hit.source();
                List<String> highlights = new ArrayList<>();
                hit.highlight().getOrDefault("title", List.of()).forEach(highlights::add);
                hit.highlight().getOrDefault("body", List.of()).forEach(highlights::add);
                Object amount = s.get("amount");
                hits.add(new SearchResult.Hit((String) s.get("id"), (String) s.get("contractNo"), (String) s.get("title"),
                        (String) s.get("counterparty"), (String) s.get("status"), (String) s.get("contractType"),
                        amount == null ? null : ((Number) amount).doubleValue(), (List<String>) s.getOrDefault("tags", List.of()),
                        highlights));
            }
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            for (String field : Facets.FIELDS) {
                Map<String, Long> counts = new LinkedHashMap<>();
                for (StringTermsBucket bucket : response.aggregations().get(field).sterms().buckets().array()) {
                    counts.put(bucket.key().stringValue(), bucket.docCount());
                }
                facets.put(field, counts);
            }
            return new SearchResult(response.hits().total() == null ? hits.size() : response.hits().total().value(), hits, facets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quotes every run of two or more Han characters outside quotes: with per-character tokens, a word is a phrase. */
    static String hanAsPhrases(String text) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == '"') {
                quoted = !quoted;
                out.appendCodePoint(c);
                i += Character.charCount(c);
                continue;
            }
            if (!quoted && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                int end = i;
                while (end < text.length() && Character.UnicodeScript.of(text.codePointAt(end)) == Character.UnicodeScript.HAN) {
                    end += Character.charCount(text.codePointAt(end));
                }
                String run = text.substring(i, end);
                out.append(run.codePointCount(0, run.length()) > 1 ? "\"" + run + "\"" : run);
                i = end;
                continue;
            }
            out.appendCodePoint(c);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static void term(BoolQuery.Builder bool, String field, String value) {
        if (value != null && !value.isBlank()) {
            bool.filter(f -> f.term(t -> t.field(field).value(value.strip())));
        }
    }

    @Override
    public String describe() {
        return "elasticsearch " + url + "/" + index;
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
