package cn.econtract.delegates.archive;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 开通借阅: the approved loan opens; when it expires out, for the timer. */
@Component("grantBorrowing")
public class GrantBorrowing implements JavaDelegate {

    private final ArchivingPort archiving;

    public GrantBorrowing(ArchivingPort archiving) {
        this.archiving = archiving;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("borrowingEnds",
                EngineContext.asEngine(() -> archiving.grantBorrowing((String) execution.getVariable("borrowingId"))));
    }
}
