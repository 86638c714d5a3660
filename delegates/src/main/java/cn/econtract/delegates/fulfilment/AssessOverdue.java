package cn.econtract.delegates.fulfilment;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 评估逾期: the obligation and the engine's time in; whether to draft a letter and open a dispute out, for the gateways. */
@Component("assessOverdue")
public class AssessOverdue implements JavaDelegate {

    private final FulfilmentPort fulfilment;

    public AssessOverdue(FulfilmentPort fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FulfilmentPort.OverdueSteps steps = EngineContext.asEngine(() -> fulfilment.assessOverdue(
                (String) execution.getVariable("obligationId"), ClockUtil.getCurrentTime()));
        execution.setVariable("dunningLetter", steps.dunningLetter());
        execution.setVariable("dispute", steps.dispute());
    }
}
