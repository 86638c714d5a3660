package cn.econtract.app.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Highlight fragments by plain text search for the query's words: robust where a tokenizer's
 * offsets are not (Chinese segmentation reports offsets that do not always fit the original text).
 * The text is HTML-escaped; matches are wrapped in {@code <em>}. Matching ignores case character
 * by character on the text as it is: lower-casing a whole contract for every hit was a fifth of a
 * broad query's time (bench/RESULTS.md).
 */
final class Snippets {

    private static final int CONTEXT = 30;

    private Snippets() {
    }

    /** The words of a query to mark: its analysed tokens, lower case, without excluded (-word) parts and syntax. */
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
                    words.add(lowerCase(term));
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
        String[] wanted = words.toArray(String[]::new);
        int from = 0;
        while (out.size() < max) {
            int at = -1;
            int length = 0;
            for (String w : wanted) {
                int i = indexOf(text, w, from, at < 0 ? text.length() : at);
                if (i >= 0) {
                    at = i;
                    length = w.length();
                }
            }
            if (at < 0) {
                break;
            }
            int start = Math.max(0, at - CONTEXT);
            int end = Math.min(text.length(), at + length + CONTEXT);
            out.add(mark(text, start, end, wanted));
            from = end;
        }
        return out;
    }

    /** The first match of {@code word} starting in [from, before), or -1. */
    private static int indexOf(String text, String word, int from, int before) {
        if (caseless(word)) {
            int i = text.indexOf(word, from);
            return i < before ? i : -1;
        }
        int last = Math.min(before - 1, text.length() - word.length());
        char first = word.charAt(0);
        for (int i = from; i <= last; i++) {
            if (sameIgnoringCase(text.charAt(i), first) && matchesAt(text, i, word)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matchesAt(String text, int at, String word) {
        for (int k = 1; k < word.length(); k++) {
            if (!sameIgnoringCase(text.charAt(at + k), word.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a character of the text is the (lower-case) character of a word. Chinese and
     * Japanese characters and CJK punctuation (U+3000 to U+9FFF) have no case, so most of a
     * contract is compared without a case table look-up.
     */
    static boolean sameIgnoringCase(char c, char lower) {
        return c == lower || !caseless(lower) && Character.toLowerCase(c) == lower;
    }

    /** No other character lower-cases to one of these: CJK, and ASCII other than letters. */
    private static boolean caseless(char c) {
        return c >= '\u3000' && c <= '\u9fff' || c < 128 && !(c >= 'a' && c <= 'z');
    }

    /** A word of such characters is found with the string search of the JDK (vectorised), case does not matter. */
    private static boolean caseless(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!caseless(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String mark(String text, int start, int end, String[] words) {
        StringBuilder out = new StringBuilder((end - start) + 32);
        int i = start;
        while (i < end) {
            int match = 0;
            for (String w : words) {
                if (w.length() > match && i + w.length() <= end && sameIgnoringCase(text.charAt(i), w.charAt(0)) && matchesAt(text, i, w)) {
                    match = w.length();
                }
            }
            if (match > 0) {
                out.append("<em>");
                escape(text, i, i + match, out);
                out.append("</em>");
                i += match;
            } else {
                escape(text, i, i + 1, out);
                i++;
            }
        }
        return out.toString();
    }

    private static void escape(String text, int start, int end, StringBuilder out) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    private static String lowerCase(CharSequence word) {
        char[] lower = new char[word.length()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = Character.toLowerCase(word.charAt(i));
        }
        return new String(lower);
    }
}
