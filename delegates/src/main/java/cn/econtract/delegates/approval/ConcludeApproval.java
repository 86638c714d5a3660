package cn.econtract.delegates.approval;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 形成审批结论: the round's outcome so far in, the final one (APPROVED, REJECTED, RETURNED) out. */
@Component("concludeApproval")
public class ConcludeApproval implements JavaDelegate {

    private final ApprovalPort approval;

    public ConcludeApproval(ApprovalPort approval) {
        this.approval = approval;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String outcome = EngineContext.asEngine(() -> approval.conclude((String) execution.getVariable("contractId"),
                (Integer) execution.getVariable("round"), (String) execution.getVariable("approvalOutcome")));
        execution.setVariable("approvalOutcome", outcome);
    }
}
