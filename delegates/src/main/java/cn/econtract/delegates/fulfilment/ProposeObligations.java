package cn.econtract.delegates.fulfilment;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 提取履约义务: the contract id in; how many obligations were proposed out (the plan task's form shows it). */
@Component("proposeObligations")
public class ProposeObligations implements JavaDelegate {

    private final FulfilmentPort fulfilment;

    public ProposeObligations(FulfilmentPort fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("proposedObligations",
                EngineContext.asEngine(() -> fulfilment.propose((String) execution.getVariable("contractId"))));
    }
}
