package cn.econtract.app.contract;

/** Where a contract stands. A draft and a returned contract are editable; the lifecycle process moves the rest. */
public enum ContractStatus {
    DRAFT, IN_APPROVAL, RETURNED, REJECTED, APPROVED, SIGNING, IN_FORCE, COMPLETED, TERMINATED, ARCHIVED;

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
