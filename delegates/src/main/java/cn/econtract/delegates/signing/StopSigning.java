package cn.econtract.delegates.signing;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 签署中止: a refusal or the deadline ended this attempt; back to the drafter. */
@Component("stopSigning")
public class StopSigning implements JavaDelegate {

    private final SigningPort signing;

    public StopSigning(SigningPort signing) {
        this.signing = signing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EngineContext.asEngine(() -> signing.stopped((String) execution.getVariable("contractId")));
    }
}
