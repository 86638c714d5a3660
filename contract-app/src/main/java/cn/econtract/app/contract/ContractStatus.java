package cn.econtract.app.contract;

public enum ContractStatus {
    DRAFT, IN_APPROVAL, APPROVED, SIGNING, IN_FORCE, COMPLETED, TERMINATED, ARCHIVED
}
