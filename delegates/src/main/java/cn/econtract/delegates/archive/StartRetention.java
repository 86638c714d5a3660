package cn.econtract.delegates.archive;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 开始保管期: a fixed-term archive gets its retention process. */
@Component("startRetention")
public class StartRetention implements JavaDelegate {

    private final ArchivingPort archiving;

    public StartRetention(ArchivingPort archiving) {
        this.archiving = archiving;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EngineContext.asEngine(() -> archiving.startRetention((String) execution.getVariable("archiveNo")));
    }
}
