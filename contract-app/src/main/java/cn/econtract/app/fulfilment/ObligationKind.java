package cn.econtract.app.fulfilment;

/** What is owed. */
public enum ObligationKind {
    /** 付款 */
    PAYMENT,
    /** 交货、交付 */
    DELIVERY,
    /** 验收 */
    ACCEPTANCE,
    /** 续约通知：tell the other party before expiry whether to renew */
    RENEWAL_NOTICE,
    /** 合同到期 */
    EXPIRY
}
