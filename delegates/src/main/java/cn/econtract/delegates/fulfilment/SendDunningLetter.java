package cn.econtract.delegates.fulfilment;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 发送催款函: the approved letter's id in; nothing out. */
@Component("sendDunningLetter")
public class SendDunningLetter implements JavaDelegate {

    private final FulfilmentPort fulfilment;

    public SendDunningLetter(FulfilmentPort fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EngineContext.asEngine(() -> fulfilment.sendDunningLetter((String) execution.getVariable("letterId"), ClockUtil.getCurrentTime()));
    }
}
