package cn.econtract.app.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Highlight fragments by plain text search for the query's words: robust where a tokenizer's
 * offsets are not (Chinese segmentation reports offsets that do not always fit the original text).
 * The text is HTML-escaped; matches are wrapped in {@code <em>}.
 */
final class Snippets {

    private static final int CONTEXT = 30;

    private Snippets() {
    }

    /** The words of a query to mark: its analysed tokens, without excluded (-word) parts and syntax. */
    static Set<String> words(Analyzer analyzer, String query) {
        Set<String> words = new LinkedHashSet<>();
        if (query == null) {
            return words;
        }
        StringBuilder kept = new StringBuilder();
        for (String part : query.split("\\s+")) {
            if (!part.startsWith("-")) {
                kept.append(part.replaceAll("[\"+|*()~]", " ")).append(' ');
            }
        }
        try (TokenStream tokens = analyzer.tokenStream("body", kept.toString())) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (term.length() > 0) {
                    words.add(term.toString().toLowerCase(Locale.ROOT));
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    static List<String> of(String text, Set<String> words, int max) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty() || words.isEmpty()) {
            return out;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int from = 0;
        while (out.size() < max) {
            int at = -1;
            String found = null;
            for (String w : words) {
                int i = lower.indexOf(w, from);
                if (i >= 0 && (at < 0 || i < at)) {
                    at = i;
                    found = w;
                }
            }
            if (at < 0) {
                break;
            }
            int start = Math.max(0, at - CONTEXT);
            int end = Math.min(text.length(), at + found.length() + CONTEXT);
            out.add(mark(text.substring(start, end), lower.substring(start, end), words));
            from = end;
        }
        return out;
    }

    private static String mark(String fragment, String lower, Set<String> words) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < fragment.length()) {
            String match = null;
            for (String w : words) {
                if (lower.startsWith(w, i) && (match == null || w.length() > match.length())) {
                    match = w;
                }
            }
            if (match != null) {
                out.append("<em>").append(escape(fragment.substring(i, i + match.length()))).append("</em>");
                i += match.length();
            } else {
                out.append(escape(fragment.substring(i, i + 1)));
                i++;
            }
        }
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
