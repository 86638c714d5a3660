package cn.econtract.delegates.archive;

import java.util.Date;

/**
 * What {@code archiving.bpmn}, {@code archive-retention.bpmn} and {@code archive-borrowing.bpmn}
 * ask of the application. Implemented in contract-app.
 */
public interface ArchivingPort {

    /**
     * 生成档案: files the contract under the category and retention the decisions gave — archive
     * number, PDF/A-3b archival copy, package — and marks the contract archived.
     */
    Filing file(String contractId, String category, String categoryName, String retention);

    /** 开始保管期: the retention process for a fixed-term archive starts. */
    void startRetention(String archiveNo);

    /** 销毁鉴定 / 销毁审批 decided (form fields {@code decision}, {@code opinion}); keeping or refusing without an opinion → error. */
    void destructionDecided(String archiveNo, String taskKey, String taskId, String actor, String decision, String opinion);

    /** 销毁档案: the approved destruction; the archival copy and package become unreadable, the register keeps the record. */
    void destroy(String archiveNo);

    /** 延长保管期: the term is extended; answers the new end. */
    Date extend(String archiveNo);

    /** 借阅审批 decided; refusing without an opinion → error. */
    void borrowingDecided(String borrowingId, String taskId, String actor, String decision, String opinion);

    /** 开通借阅: the borrower may read the archival copy until the answered time. */
    Date grantBorrowing(String borrowingId);

    /** 告知驳回: the borrower is told the request was refused. */
    void refuseBorrowing(String borrowingId);

    /** 收回借阅: the loan expired or was returned; the copy closes to the borrower. */
    void endBorrowing(String borrowingId);

    /** The archive number and, for a fixed term, when it ends ({@code null}: kept permanently). */
    record Filing(String archiveNo, Date retentionEnds) {
    }
}
