package cn.econtract.app.document;

import java.util.List;

/**
 * Text read from an uploaded Word or PDF file: its title (first line or Title style), the lines
 * before the first clause, and clauses split at headings such as 第一条 or Word's heading styles.
 */
public record ReadDocument(String title, String preamble, List<Section> sections) {

    public record Section(String heading, String text) {
    }
}
