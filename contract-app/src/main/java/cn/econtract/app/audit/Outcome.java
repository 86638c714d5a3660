package cn.econtract.app.audit;

public enum Outcome {
    SUCCESS, DENIED, FAILED
}
