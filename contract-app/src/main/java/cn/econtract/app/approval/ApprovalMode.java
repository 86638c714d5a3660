package cn.econtract.app.approval;

/**
 * How a level decides. Ordered from the least to the most strict: when two routing rows name the
 * same level, the stricter mode wins.
 */
public enum ApprovalMode {
    /** 或签: the first approver's decision completes the level. */
    ANY_ONE,
    /** 逐级: the candidate groups decide one after another, in the order listed. */
    SEQUENTIAL,
    /** 会签: every candidate must approve. */
    COUNTERSIGN
}
