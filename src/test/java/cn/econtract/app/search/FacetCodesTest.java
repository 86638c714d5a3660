package cn.econtract.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Facet values packed as codes: counted per field over the matches of several segments, largest first. */
class FacetCodesTest {

    private final FacetCodes codes = new FacetCodes();

    @Test
    void countsEveryFieldOverTheMatchesOfAllSegments() throws Exception {
        Map<String, Map<String, Long>> counts = count(
                new String[][] {{"DRAFT", "UNSIGNED", "PURCHASE", "purchasing"}, {"IN_FORCE", "SIGNED", "SALES", "sales"}},
                new String[][] {{"IN_FORCE", "SIGNED", "PURCHASE", "purchasing"}, {"IN_FORCE", null, "NDA", " "}});

        assertThat(counts).containsOnlyKeys(Facets.FIELDS);
        assertThat(counts.get("status")).containsExactly(Map.entry("IN_FORCE", 3L), Map.entry("DRAFT", 1L));
        assertThat(counts.get("signingStatus")).containsExactly(Map.entry("SIGNED", 2L), Map.entry("UNSIGNED", 1L));
        assertThat(counts.get("contractType")).containsExactly(Map.entry("PURCHASE", 2L), Map.entry("NDA", 1L), Map.entry("SALES", 1L));
        assertThat(counts.get("departmentId")).containsExactly(Map.entry("purchasing", 2L), Map.entry("sales", 1L));
    }

    @Test
    void aValueIndexedAfterAnotherKeepsItsOwnCodeAndValuesWithoutMatchesAreLeftOut() throws Exception {
        codes.pack(Arrays.asList("ARCHIVED", null, null, null));

        Map<String, Map<String, Long>> counts = count(new String[][] {{"DRAFT", null, null, null}, {"DRAFT", null, null, null}});

        assertThat(counts.get("status")).containsExactly(Map.entry("DRAFT", 2L));
        assertThat(codes.pack(Arrays.asList("ARCHIVED", null, null, null))).isEqualTo(1L);
        assertThat(codes.pack(Arrays.asList("DRAFT", null, null, "it"))).isEqualTo(2L | 1L << 48);
    }

    /** Each array of documents is one segment (a commit between them). */
    private Map<String, Map<String, Long>> count(String[][]... segments) throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (String[][] segment : segments) {
                for (String[] values : segment) {
                    Document d = new Document();
                    d.add(new NumericDocValuesField(FacetCodes.FIELD, codes.pack(Arrays.asList(values))));
                    writer.addDocument(d);
                }
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSize(segments.length);
                FacetsCollector matches = new FacetsCollector();
                new IndexSearcher(reader).search(new MatchAllDocsQuery(), matches);
                return codes.count(matches.getMatchingDocs(), 50);
            }
        }
    }
}
