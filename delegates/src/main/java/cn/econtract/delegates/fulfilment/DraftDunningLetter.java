package cn.econtract.delegates.fulfilment;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 生成催款函: the obligation and the engine's time in; the letter's id out, for the approval form and the sending. */
@Component("draftDunningLetter")
public class DraftDunningLetter implements JavaDelegate {

    private final FulfilmentPort fulfilment;

    public DraftDunningLetter(FulfilmentPort fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("letterId", EngineContext.asEngine(() -> fulfilment.draftDunningLetter(
                (String) execution.getVariable("obligationId"), ClockUtil.getCurrentTime())));
    }
}
