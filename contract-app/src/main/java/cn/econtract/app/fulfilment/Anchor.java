package cn.econtract.app.fulfilment;

/** The event a relative due date counts from (合同签订后30日内, 验收合格后15个工作日内 …). */
public enum Anchor {
    /** 签订、签署、生效 */
    SIGNING,
    /** 交货、到货、交付 */
    DELIVERY,
    /** 验收合格 */
    ACCEPTANCE,
    /** 收到发票 */
    INVOICE,
    /** 合同期满、到期 (counting backwards) */
    EXPIRY
}
