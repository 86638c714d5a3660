package cn.econtract.app.kernel;

/** Something search shows of a contract changed without a contract event (e.g. its tags): index it again. */
public record ContractIndexable(String contractId) {
}
