package cn.econtract.app.template;

/** What a template variable holds; decides the input the editor shows and how the value renders. */
public enum VariableType {
    TEXT, NUMBER, MONEY, DATE, PARTY, SELECT, TABLE
}
