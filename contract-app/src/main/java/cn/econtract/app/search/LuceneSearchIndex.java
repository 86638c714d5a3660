package cn.econtract.app.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded default: Lucene in this process with the SmartChineseAnalyzer (word segmentation
 * for Chinese), the index in memory — contract text must not reach the disk in plaintext, so the
 * index is rebuilt from the (encrypted) database when the application starts.
 */
public class LuceneSearchIndex implements SearchIndex {

    private static final Map<String, Float> TEXT_FIELDS = Map.of("title", 3f, "body", 1f, "counterparty", 2f, "contractNoText", 3f,
            "tagsText", 2f);

    private static final String BODY_TEXT = "bodyUtf16";
    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final FacetCodes facetCodes = new FacetCodes();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile boolean dirty;

    public LuceneSearchIndex() {
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                    ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER), new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void upsert(IndexedContract c) {
        Document d = new Document();
        d.add(new StringField("id", c.id(), Field.Store.YES));
        d.add(new StringField("contractNo", nz(c.contractNo()), Field.Store.YES));
        d.add(new TextField("contractNoText", nz(c.contractNo()), Field.Store.NO));
        d.add(new TextField("title", nz(c.title()), Field.Store.YES));
        d.add(new TextField("body", nz(c.body()), Field.Store.NO));
        // kept for the snippets as UTF-16 doc values, read back with one copy: a stored field is decompressed
        // together with its neighbours in the block, a third of a broad query's time (bench/RESULTS.md)
        d.add(new BinaryDocValuesField(BODY_TEXT, new BytesRef(nz(c.body()).getBytes(StandardCharsets.UTF_16LE))));
        d.add(new TextField("counterparty", nz(c.counterparty()), Field.Store.YES));
        d.add(new StringField("counterpartyExact", nz(c.counterparty()), Field.Store.NO));
        d.add(new TextField("tagsText", String.join(" ", c.tags()), Field.Store.NO));
        for (String tag : c.tags()) {
            d.add(new StringField("tag", tag, Field.Store.YES));
        }
        keyword(d, "status", c.status());
        keyword(d, "signingStatus", c.signingStatus());
        keyword(d, "contractType", c.contractType());
        keyword(d, "departmentId", c.departmentId());
        d.add(new StringField("createdBy", nz(c.createdBy()), Field.Store.NO));
        d.add(new NumericDocValuesField(FacetCodes.FIELD,
                facetCodes.pack(Arrays.asList(c.status(), c.signingStatus(), c.contractType(), c.departmentId()))));
        if (c.amount() != null) {
            d.add(new DoublePoint("amount", c.amount()));
            d.add(new DoubleDocValuesField("amountSort", c.amount()));
            d.add(new StoredField("amount", c.amount()));
        }
        if (c.effectiveDate() != null) {
            d.add(new LongPoint("effective", c.effectiveDate().toEpochDay()));
        }
        if (c.expiryDate() != null) {
            d.add(new LongPoint("expiry", c.expiryDate().toEpochDay()));
            d.add(new NumericDocValuesField("expirySort", c.expiryDate().toEpochDay()));
        }
        d.add(new NumericDocValuesField("updatedSort", (c.updatedAt() == null ? Instant.EPOCH : c.updatedAt()).toEpochMilli()));
        try {
            writer.updateDocument(new Term("id", c.id()), d);
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keyword(Document d, String field, String value) {
        if (value != null && !value.isBlank()) {
            d.add(new StringField(field, value, Field.Store.YES));
        }
    }

    @Override
    public void delete(String contractId) {
        try {
            writer.deleteDocuments(new Term("id", contractId));
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void clear() {
        try {
            writer.deleteAll();
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SearchResult search(SearchQuery q) {
        try {
            if (dirty) {
                dirty = false;
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, q);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchResult search(IndexSearcher searcher, SearchQuery q) throws IOException {
        Query text = textQuery(q.text());
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        term(query, "status", q.status());
        term(query, "signingStatus", q.signingStatus());
        term(query, "contractType", q.contractType());
        term(query, "departmentId", q.departmentId());
        term(query, "counterpartyExact", q.counterparty());
        term(query, "tag", q.tag());
        if (q.minAmount() != null || q.maxAmount() != null) {
            query.add(DoublePoint.newRangeQuery("amount", q.minAmount() == null ? Double.NEGATIVE_INFINITY : q.minAmount(),
                    q.maxAmount() == null ? Double.POSITIVE_INFINITY : q.maxAmount()), Occur.FILTER);
        }
        if (q.effectiveFrom() != null || q.effectiveTo() != null) {
            query.add(LongPoint.newRangeQuery("effective", q.effectiveFrom() == null ? Long.MIN_VALUE : q.effectiveFrom().toEpochDay(),
                    q.effectiveTo() == null ? Long.MAX_VALUE : q.effectiveTo().toEpochDay()), Occur.FILTER);
        }
        if (q.expiresBefore() != null) {
            query.add(LongPoint.newRangeQuery("expiry", Long.MIN_VALUE, q.expiresBefore().toEpochDay() - 1), Occur.FILTER);
        }
        if (q.departments() != null) {
            BooleanQuery.Builder visible = new BooleanQuery.Builder();
            q.departments().forEach(dept -> visible.add(new TermQuery(new Term("departmentId", dept)), Occur.SHOULD));
            if (q.viewer() != null) {
                visible.add(new TermQuery(new Term("createdBy", q.viewer())), Occur.SHOULD);
            }
            query.add(visible.setMinimumNumberShouldMatch(1).build(), Occur.FILTER);
        }
        Query built = query.build();
        int wanted = (q.page() + 1) * q.size();
        FacetsCollector collector = new FacetsCollector();
        TopDocs top = FacetsCollector.search(searcher, built, wanted, sort(q.sort()), collector);
        List<SearchResult.Hit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        java.util.Set<String> words = Snippets.words(analyzer, q.text());
        int first = Math.min(q.page() * q.size(), docs.length);
        String[] bodies = bodies(searcher, docs, first);
        StoredFields stored = searcher.storedFields();
        for (int i = first; i < docs.length; i++) {
            hits.add(hit(stored.document(docs[i].doc), bodies[i - first], words));
        }
        return new SearchResult(top.totalHits.value, hits, facetCounts(collector, top.totalHits.value));
    }

    private Query textQuery(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, TEXT_FIELDS);
        parser.setDefaultOperator(Occur.MUST);
        Query parsed = parser.parse(text.strip());
        return parsed == null ? new MatchNoDocsQuery() : parsed;
    }

    private static void term(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.add(new TermQuery(new Term(field, value.strip())), Occur.FILTER);
        }
    }

    private static Sort sort(SearchQuery.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> Sort.RELEVANCE;
            case UPDATED -> new Sort(new SortField("updatedSort", SortField.Type.LONG, true));
            case AMOUNT -> new Sort(new SortField("amountSort", SortField.Type.DOUBLE, true));
            case EXPIRY -> {
                SortField expiry = new SortField("expirySort", SortField.Type.LONG, false);
                expiry.setMissingValue(Long.MAX_VALUE);
                yield new Sort(expiry);
            }
        };
    }

    /** The texts of the hits from {@code first} on; doc values are read forwards, so in document order per segment. */
    private static String[] bodies(IndexSearcher searcher, ScoreDoc[] docs, int first) throws IOException {
        String[] bodies = new String[docs.length - first];
        Integer[] byDoc = new Integer[bodies.length];
        for (int i = 0; i < byDoc.length; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[first + i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        for (int i : byDoc) {
            int doc = docs[first + i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = leaf.reader().getBinaryDocValues(BODY_TEXT);
            }
            bodies[i] = values != null && values.advanceExact(doc - leaf.docBase) ? utf16(values.binaryValue()) : "";
        }
        return bodies;
    }

    private static String utf16(BytesRef bytes) {
        char[] chars = new char[bytes.length / 2];
        // a bulk copy on little-endian machines
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer().get(chars);
        return new String(chars);
    }

    private SearchResult.Hit hit(Document d, String body, java.util.Set<String> words) {
        List<String> highlights = new ArrayList<>(Snippets.of(d.get("title"), words, 1));
        highlights.addAll(Snippets.of(body, words, 2));
        var amount = d.getField("amount");
        return new SearchResult.Hit(d.get("id"), d.get("contractNo"), d.get("title"), d.get("counterparty"), d.get("status"),
                d.get("contractType"), amount == null ? null : amount.numericValue().doubleValue(), List.of(d.getValues("tag")), highlights);
    }

    private Map<String, Map<String, Long>> facetCounts(FacetsCollector collector, long total) throws IOException {
        if (total == 0) {
            Map<String, Map<String, Long>> none = new LinkedHashMap<>();
            Facets.FIELDS.forEach(f -> none.put(f, Map.of()));
            return none;
        }
        return facetCodes.count(collector.getMatchingDocs(), 50);
    }

    @Override
    public String describe() {
        return "lucene (memory, SmartChineseAnalyzer)";
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

}
