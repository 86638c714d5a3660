package cn.econtract.delegates.signing;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 取消签署: the drafter's reason in; the attempt closed and the contract terminated (the end event tells the lifecycle). */
@Component("cancelSigning")
public class CancelSigning implements JavaDelegate {

    private final SigningPort signing;

    public CancelSigning(SigningPort signing) {
        this.signing = signing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String actor = EngineContext.actor(execution.getProcessEngineServices());
        String drafter = (String) execution.getVariable("drafter");
        EngineContext.asEngine(() -> signing.cancelled((String) execution.getVariable("contractId"),
                EngineContext.SYSTEM.equals(actor) ? drafter : actor, (String) execution.getVariable("arrangementNote")));
    }
}
