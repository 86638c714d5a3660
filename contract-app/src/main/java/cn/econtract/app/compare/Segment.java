package cn.econtract.app.compare;

/** A run of text that is the same in both versions, only in the old one or only in the new one. */
public record Segment(Op op, String text) {

    public enum Op { EQUAL, DELETE, INSERT }
}
