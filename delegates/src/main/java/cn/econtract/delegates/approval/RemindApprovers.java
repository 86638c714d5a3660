package cn.econtract.delegates.approval;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 发送催办提醒 (SLA reminder timer): notifies whoever still has to decide at the current level. */
@Component("remindApprovers")
public class RemindApprovers implements JavaDelegate {

    private final ApprovalPort approval;

    public RemindApprovers(ApprovalPort approval) {
        this.approval = approval;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EngineContext.asEngine(() -> approval.remind((String) execution.getVariable("contractId"),
                (Integer) execution.getVariable("round"), execution.getProcessInstanceId(),
                (Integer) execution.getVariable("levelNumber")));
    }
}
