package cn.econtract.app.compare;

/** A variable (or field) whose value differs between two versions, both values as displayed. */
public record ValueChange(String name, String before, String after) {
}
