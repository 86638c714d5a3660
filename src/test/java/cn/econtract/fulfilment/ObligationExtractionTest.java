package cn.econtract.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.fulfilment.ClauseExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the obligation extractor on the labelled clauses in
 * {@code src/test/resources/fulfilment/labelled-clauses.tsv} (F5.1). An obligation counts as found
 * when its kind is right; party, amount and due date are scored on those. The thresholds sit just
 * under what was measured, so a change that loses ground fails here; the report prints every miss.
 */
class ObligationExtractionTest {

    private static final BigDecimal TOTAL = new BigDecimal("258000.00");

    record Label(String text, String kind, String party, String amount, String due) {
    }

    @Test
    void precisionAndRecallOnTheLabelledClauses() throws IOException {
        List<Label> labels = labels();
        assertThat(labels).hasSizeGreaterThanOrEqualTo(60);
        int tp = 0, fp = 0, fn = 0, partyRight = 0, amountLabelled = 0, amountRight = 0, dueLabelled = 0, dueRight = 0;
        List<String> misses = new ArrayList<>();
        for (Label l : labels) {
            var found = ClauseExtractor.extract(l.text(), TOTAL).stream().findFirst();
            String kind = found.map(f -> f.kind().name()).orElse("NONE");
            boolean obligation = !l.kind().equals("NONE");
            if (obligation && kind.equals(l.kind())) {
                tp++;
                var f = found.get();
                String party = f.party() == null ? "-" : f.party();
                String amount = f.amount() == null ? "-" : f.amount().toPlainString();
                String due = f.due() == null ? "-" : f.due().code();
                partyRight += party.equals(l.party()) ? 1 : 0;
                if (!l.amount().equals("-")) {
                    amountLabelled++;
                    amountRight += amount.equals(l.amount()) ? 1 : 0;
                }
                if (!l.due().equals("-")) {
                    dueLabelled++;
                    dueRight += due.equals(l.due()) ? 1 : 0;
                }
                if (!party.equals(l.party()) || !Objects.equals(amount, l.amount()) && !l.amount().equals("-") || !due.equals(l.due())
                        && !l.due().equals("-")) {
                    misses.add("field  " + l.text() + " → " + party + " " + amount + " " + due + " (want " + l.party() + " " + l.amount() + " " + l.due() + ")");
                }
            } else {
                if (!kind.equals("NONE")) {
                    fp++;
                }
                if (obligation) {
                    fn++;
                }
                if (!kind.equals(l.kind())) {
                    misses.add("kind   " + l.text() + " → " + kind + " (want " + l.kind() + ")");
                }
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        String report = String.format(Locale.ROOT, "%d clauses: precision %.3f, recall %.3f (tp %d, fp %d, fn %d); party %d/%d, amount %d/%d, due %d/%d%n%s",
                labels.size(), precision, recall, tp, fp, fn, partyRight, tp, amountRight, amountLabelled, dueRight, dueLabelled,
                String.join("\n", misses));
        System.out.println("Obligation extraction: " + report);
        // measured 2026-11-29: precision 1.000, recall 0.922, party 47/47, amount 15/15, due 46/46
        assertThat(precision).as(report).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as(report).isGreaterThanOrEqualTo(0.90);
        assertThat(partyRight / (double) tp).as(report).isGreaterThanOrEqualTo(0.95);
        assertThat(dueRight / (double) dueLabelled).as(report).isGreaterThanOrEqualTo(0.95);
        assertThat(amountRight / (double) amountLabelled).as(report).isGreaterThanOrEqualTo(0.90);
    }

    static List<Label> labels() throws IOException {
        try (InputStream in = ObligationExtractionTest.class.getResourceAsStream("/fulfilment/labelled-clauses.tsv")) {
            List<Label> labels = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                labels.add(new Label(f[0], f[1], f[2], f[3], f[4]));
            }
            return labels;
        }
    }
}
