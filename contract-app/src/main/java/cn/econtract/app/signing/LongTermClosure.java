package cn.econtract.app.signing;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 长期验证, the signing worker's task: the last signed revision gets its validation data and an
 * archive time-stamp (B-LTA) as one more revision. Idempotent because a worker may die after
 * storing the revision and before completing the task: the retry finds the plan already closed
 * and adds nothing; two attempts racing meet the revision's primary key.
 */
@Service
public class LongTermClosure {

    static final String KIND = "ARCHIVE";
    private static final Logger log = LoggerFactory.getLogger(LongTermClosure.class);

    private final SigningRepository repository;
    private final LongTermValidation longTerm;
    private final Clock clock;

    LongTermClosure(SigningRepository repository, LongTermValidation longTerm, Clock clock) {
        this.repository = repository;
        this.longTerm = longTerm;
        this.clock = clock;
    }

    /** Answers the closing revision, new or found. */
    public int close(String contractId) {
        SigningPlan plan = repository.latestPlan(contractId).orElseThrow(
                () -> new IllegalStateException("contract " + contractId + " has no signing plan"));
        SigningRepository.Revision latest = repository.latestRevision(contractId).orElseThrow(
                () -> new IllegalStateException("contract " + contractId + " has no signed revision"));
        if (closes(latest, plan)) {
            log.info("Contract {} signing plan {} already closed by revision {}; nothing added", contractId, plan.id(),
                    latest.revision());
            return latest.revision();
        }
        byte[] archived = longTerm.archive(repository.content(contractId, latest.revision()));
        repository.insertRevision(contractId, latest.revision() + 1, plan.id(), KIND, archived, clock.instant());
        return latest.revision() + 1;
    }

    static boolean closes(SigningRepository.Revision revision, SigningPlan plan) {
        return KIND.equals(revision.kind()) && plan.id().equals(revision.planId());
    }
}
