package cn.econtract.delegates.signing;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 完成签署: every signer signed and 长期验证 closed the signed PDF (B-LTA): the plan ends, the drafter is told. */
@Component("finishSigning")
public class FinishSigning implements JavaDelegate {

    private final SigningPort signing;

    public FinishSigning(SigningPort signing) {
        this.signing = signing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EngineContext.asEngine(() -> signing.finished((String) execution.getVariable("contractId")));
    }
}
