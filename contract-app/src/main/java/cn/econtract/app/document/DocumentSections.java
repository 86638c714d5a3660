package cn.econtract.app.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a document's lines into title, preamble and clauses, the way Chinese contracts are structured. */
final class DocumentSections {

    /** 第一条 标的 / 第12条 违约责任 / 一、标的 */
    private static final Pattern ARTICLE = Pattern.compile("^\\s*(?:第\\s*[一二三四五六七八九十百零〇\\d]+\\s*条|[一二三四五六七八九十]+、)\\s*(.*)$");

    private DocumentSections() {
    }

    /** @param lines each with a flag: true when the source marked it as a heading (a Word heading style) */
    static ReadDocument split(List<Line> lines) {
        String title = null;
        StringBuilder preamble = new StringBuilder();
        List<ReadDocument.Section> sections = new ArrayList<>();
        String heading = null;
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            String s = line.text().strip();
            if (s.isEmpty()) {
                continue;
            }
            if (title == null && (line.title() || sections.isEmpty() && heading == null && preamble.length() == 0 && s.length() <= 40)) {
                title = s;
                continue;
            }
            Matcher m = ARTICLE.matcher(s);
            boolean isHeading = line.heading() || (m.matches() && s.length() <= 40);
            if (isHeading) {
                if (heading != null || text.length() > 0) {
                    sections.add(new ReadDocument.Section(heading, text.toString().strip()));
                }
                heading = m.matches() && !m.group(1).isBlank() ? m.group(1).strip() : s;
                text.setLength(0);
            } else if (heading == null && sections.isEmpty()) {
                preamble.append(s).append('\n');
            } else {
                text.append(s).append('\n');
            }
        }
        if (heading != null || text.length() > 0) {
            sections.add(new ReadDocument.Section(heading, text.toString().strip()));
        }
        return new ReadDocument(title, preamble.toString().strip(), sections);
    }

    record Line(String text, boolean heading, boolean title) {
    }
}
