package cn.econtract.delegates.archive;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 收回借阅: expired or returned; the archival copy closes to the borrower. */
@Component("endBorrowing")
public class EndBorrowing implements JavaDelegate {

    private final ArchivingPort archiving;

    public EndBorrowing(ArchivingPort archiving) {
        this.archiving = archiving;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EngineContext.asEngine(() -> archiving.endBorrowing((String) execution.getVariable("borrowingId")));
    }
}
