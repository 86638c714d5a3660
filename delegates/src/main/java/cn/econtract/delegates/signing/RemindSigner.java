package cn.econtract.delegates.signing;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 催签: the reminder timer fired while the signer's task is open. */
@Component("remindSigner")
public class RemindSigner implements JavaDelegate {

    private final SigningPort signing;

    public RemindSigner(SigningPort signing) {
        this.signing = signing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EngineContext.asEngine(() -> signing.remind((String) execution.getVariable("signerId")));
    }
}
