package cn.econtract.app.contract;

/** Filters of the contract list; {@code mine} limits it to contracts the caller drafted. */
public record ContractFilter(ContractStatus status, String contractType, Boolean mine, String q) {
}
