package cn.econtract.delegates.archive;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 销毁档案: reviewed and approved; the archive's content is destroyed, its register entry kept. */
@Component("destroyArchive")
public class DestroyArchive implements JavaDelegate {

    private final ArchivingPort archiving;

    public DestroyArchive(ArchivingPort archiving) {
        this.archiving = archiving;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EngineContext.asEngine(() -> archiving.destroy((String) execution.getVariable("archiveNo")));
    }
}
