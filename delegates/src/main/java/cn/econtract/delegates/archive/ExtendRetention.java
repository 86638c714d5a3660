package cn.econtract.delegates.archive;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 延长保管期: kept after review; the new end of the term out, for the timer to wait on. */
@Component("extendRetention")
public class ExtendRetention implements JavaDelegate {

    private final ArchivingPort archiving;

    public ExtendRetention(ArchivingPort archiving) {
        this.archiving = archiving;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("retentionEnds", EngineContext.asEngine(() -> archiving.extend((String) execution.getVariable("archiveNo"))));
    }
}
