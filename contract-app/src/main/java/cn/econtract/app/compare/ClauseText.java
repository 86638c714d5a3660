package cn.econtract.app.compare;

/** A clause as the comparison sees it: a stable key, a heading and its text. */
public record ClauseText(String key, String heading, String text) {
}
