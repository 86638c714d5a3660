package cn.econtract.app.archive;

import cn.econtract.delegates.archive.ArchivingPort;
import java.util.Date;
import org.springframework.stereotype.Component;

/** The archive processes' side of the application: each step one service call. */
@Component
class ArchivingFlow implements ArchivingPort {

    private final Archives archives;
    private final ArchiveRetention retention;
    private final ArchiveBorrowings borrowings;

    ArchivingFlow(Archives archives, ArchiveRetention retention, ArchiveBorrowings borrowings) {
        this.archives = archives;
        this.retention = retention;
        this.borrowings = borrowings;
    }

    @Override
    public Filing file(String contractId, String category, String categoryName, String retentionCode) {
        ArchiveRecord record = archives.file(contractId, category, categoryName, retentionCode);
        return new Filing(record.archiveNo(), record.retentionEnds() == null ? null : Archives.startOf(record.retentionEnds()));
    }

    @Override
    public void startRetention(String archiveNo) {
        archives.startRetention(archiveNo);
    }

    @Override
    public void destructionDecided(String archiveNo, String taskKey, String taskId, String actor, String decision, String opinion) {
        retention.decided(archiveNo, taskKey, taskId, actor, decision, opinion);
    }

    @Override
    public void destroy(String archiveNo) {
        retention.destroy(archiveNo);
    }

    @Override
    public Date extend(String archiveNo) {
        return retention.extend(archiveNo);
    }

    @Override
    public void borrowingDecided(String borrowingId, String taskId, String actor, String decision, String opinion) {
        borrowings.decided(borrowingId, taskId, actor, decision, opinion);
    }

    @Override
    public Date grantBorrowing(String borrowingId) {
        return borrowings.grant(borrowingId);
    }

    @Override
    public void refuseBorrowing(String borrowingId) {
        borrowings.refuse(borrowingId);
    }

    @Override
    public void endBorrowing(String borrowingId) {
        borrowings.end(borrowingId);
    }
}
