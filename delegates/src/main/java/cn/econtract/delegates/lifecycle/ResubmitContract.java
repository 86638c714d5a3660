package cn.econtract.delegates.lifecycle;

import cn.econtract.delegates.EngineContext;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 开始新一轮审批: the returned contract, revised, goes round again with fresh facts for the routing. */
@Component("resubmitContract")
public class ResubmitContract implements JavaDelegate {

    private final LifecyclePort lifecycle;

    public ResubmitContract(LifecyclePort lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String actor = EngineContext.actor(execution.getProcessEngineServices());
        Map<String, Object> round = EngineContext.asEngine(
                () -> lifecycle.resubmit((String) execution.getVariable("contractId"), actor));
        execution.setVariables(round);
    }
}
