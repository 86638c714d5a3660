package cn.econtract.delegates.archive;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 生成档案: the decisions' category and retention in; the archive number and the end of its term out. */
@Component("fileArchive")
public class FileArchive implements JavaDelegate {

    private final ArchivingPort archiving;

    public FileArchive(ArchivingPort archiving) {
        this.archiving = archiving;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ArchivingPort.Filing filing = EngineContext.asEngine(() -> archiving.file((String) execution.getVariable("contractId"),
                (String) execution.getVariable("category"), (String) execution.getVariable("categoryName"),
                (String) execution.getVariable("retention")));
        execution.setVariable("archiveNo", filing.archiveNo());
        execution.setVariable("retentionEnds", filing.retentionEnds());
    }
}
