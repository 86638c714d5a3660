package cn.econtract.delegates.fulfilment;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 发送提醒: the obligation, the reminder's key, the channels and the engine's time in; nothing out. */
@Component("sendReminder")
public class SendReminder implements JavaDelegate {

    private final FulfilmentPort fulfilment;

    public SendReminder(FulfilmentPort fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EngineContext.asEngine(() -> fulfilment.remind((String) execution.getVariable("obligationId"),
                (String) execution.getVariable("reminderKey"), (String) execution.getVariable("channels"), ClockUtil.getCurrentTime()));
    }
}
