package cn.econtract.delegates.archive;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 告知驳回: the borrower learns the request was refused, and why. */
@Component("refuseBorrowing")
public class RefuseBorrowing implements JavaDelegate {

    private final ArchivingPort archiving;

    public RefuseBorrowing(ArchivingPort archiving) {
        this.archiving = archiving;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EngineContext.asEngine(() -> archiving.refuseBorrowing((String) execution.getVariable("borrowingId")));
    }
}
