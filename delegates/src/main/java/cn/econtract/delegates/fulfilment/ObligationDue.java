package cn.econtract.delegates.fulfilment;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 到期处理: the obligation in; whether its date settled it out. */
@Component("obligationDue")
public class ObligationDue implements JavaDelegate {

    private final FulfilmentPort fulfilment;

    public ObligationDue(FulfilmentPort fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("settled", EngineContext.asEngine(() -> fulfilment.due((String) execution.getVariable("obligationId"))));
    }
}
