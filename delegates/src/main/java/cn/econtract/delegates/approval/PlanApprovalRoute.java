package cn.econtract.delegates.approval;

import cn.econtract.delegates.EngineContext;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 生成审批层级: routing decision rows in, the number of levels out; the round starts PENDING. */
@Component("planApprovalRoute")
public class PlanApprovalRoute implements JavaDelegate {

    private final ApprovalPort approval;

    public PlanApprovalRoute(ApprovalPort approval) {
        this.approval = approval;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) execution.getVariable("routingRows");
        int levels = EngineContext.asEngine(() -> approval.planRoute((String) execution.getVariable("contractId"),
                (Integer) execution.getVariable("round"), execution.getProcessInstanceId(), rows == null ? List.of() : rows));
        execution.setVariable("levelCount", levels);
        execution.setVariable("approvalOutcome", "PENDING");
    }
}
