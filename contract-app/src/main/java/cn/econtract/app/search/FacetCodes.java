package cn.econtract.app.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The facet values of a contract in the in-memory index as one number: each of the four fields
 * ({@link Facets#FIELDS}) gets a 16-bit code for its value, assigned when the value is first
 * indexed (0: no value). Counting a search's matches is then one doc-value read per match; Lucene's
 * general facets (ordinals mapped across segments for any number of values) were a fifth of a broad
 * query's time (bench/RESULTS.md). The codes live as long as the index, which is rebuilt at start.
 */
final class FacetCodes {

    static final String FIELD = "facetCodes";
    private static final int BITS = 16;
    private static final int MAX_CODE = (1 << BITS) - 1;

    private final List<Map<String, Integer>> codes = new ArrayList<>();
    private final List<List<String>> labels = new ArrayList<>();

    FacetCodes() {
        for (int f = 0; f < Facets.FIELDS.size(); f++) {
            codes.add(new ConcurrentHashMap<>());
            labels.add(new CopyOnWriteArrayList<>());
        }
    }

    /** The packed codes of one contract's values, in the order of {@link Facets#FIELDS}; null or blank: none. */
    long pack(List<String> values) {
        long packed = 0;
        for (int f = 0; f < values.size(); f++) {
            String value = values.get(f);
            if (value != null && !value.isBlank()) {
                packed |= (long) code(f, value) << (f * BITS);
            }
        }
        return packed;
    }

    private int code(int field, String value) {
        Integer known = codes.get(field).get(value);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            return codes.get(field).computeIfAbsent(value, v -> {
                List<String> fieldLabels = labels.get(field);
                if (fieldLabels.size() == MAX_CODE) {
                    throw new IllegalStateException("more than " + MAX_CODE + " values of " + Facets.FIELDS.get(field));
                }
                fieldLabels.add(v);
                return fieldLabels.size();
            });
        }
    }

    /** Counts per field and value over the matches, largest first (equal counts by value), values without a match left out. */
    Map<String, Map<String, Long>> count(List<MatchingDocs> matches, int top) throws IOException {
        long[][] counts = new long[Facets.FIELDS.size()][];
        for (int f = 0; f < counts.length; f++) {
            counts[f] = new long[labels.get(f).size() + 1];
        }
        for (MatchingDocs match : matches) {
            NumericDocValues values = match.context.reader().getNumericDocValues(FIELD);
            if (values == null || match.totalHits == 0) {
                continue;
            }
            DocIdSetIterator docs = match.bits.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (values.advanceExact(doc)) {
                    long packed = values.longValue();
                    for (int f = 0; f < counts.length; f++) {
                        int code = (int) (packed >>> (f * BITS)) & MAX_CODE;
                        if (code >= counts[f].length) {
                            counts[f] = Arrays.copyOf(counts[f], labels.get(f).size() + 1);
                        }
                        counts[f][code]++;
                    }
                }
            }
        }
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (int f = 0; f < counts.length; f++) {
            List<String> fieldLabels = labels.get(f);
            List<Map.Entry<String, Long>> nonZero = new ArrayList<>();
            for (int code = 1; code < counts[f].length; code++) {
                if (counts[f][code] > 0) {
                    nonZero.add(Map.entry(fieldLabels.get(code - 1), counts[f][code]));
                }
            }
            nonZero.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())));
            Map<String, Long> field = new LinkedHashMap<>();
            nonZero.stream().limit(top).forEach(e -> field.put(e.getKey(), e.getValue()));
            out.put(Facets.FIELDS.get(f), field);
        }
        return out;
    }
}
