package cn.econtract.delegates.approval;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 升级至上级 (SLA escalation timer): the level's open tasks are offered to the approvers' managers too. */
@Component("escalateApproval")
public class EscalateApproval implements JavaDelegate {

    private final ApprovalPort approval;

    public EscalateApproval(ApprovalPort approval) {
        this.approval = approval;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EngineContext.asEngine(() -> approval.escalate((String) execution.getVariable("contractId"),
                (Integer) execution.getVariable("round"), execution.getProcessInstanceId(),
                (Integer) execution.getVariable("levelNumber")));
    }
}
