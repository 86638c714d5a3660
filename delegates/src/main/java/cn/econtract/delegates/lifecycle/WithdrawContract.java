package cn.econtract.delegates.lifecycle;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 退回草稿 after 撤回: the contract is a draft again, the round ends withdrawn. */
@Component("withdrawContract")
public class WithdrawContract implements JavaDelegate {

    private final LifecyclePort lifecycle;

    public WithdrawContract(LifecyclePort lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String actor = EngineContext.actor(execution.getProcessEngineServices());
        EngineContext.asEngine(() -> lifecycle.withdrawn((String) execution.getVariable("contractId"),
                (Integer) execution.getVariable("round"), actor));
    }
}
