package cn.econtract.delegates.approval;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 确定本级审批人: the level index (the loop counter) in; the level's number, name, mode and
 * approver slots out, as variables local to this level so levels never see each other's.
 */
@Component("openApprovalLevel")
public class OpenApprovalLevel implements JavaDelegate {

    private final ApprovalPort approval;

    public OpenApprovalLevel(ApprovalPort approval) {
        this.approval = approval;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int index = (Integer) execution.getVariable("loopCounter");
        LevelPlan level = EngineContext.asEngine(() -> approval.openLevel((String) execution.getVariable("contractId"),
                (Integer) execution.getVariable("round"), index));
        execution.setVariableLocal("levelNumber", level.number());
        execution.setVariableLocal("levelName", level.name());
        execution.setVariableLocal("levelMode", level.mode());
        execution.setVariableLocal("approverSlots", level.slots());
        execution.setVariableLocal("levelOutcome", "PENDING");
    }
}
