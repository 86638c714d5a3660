package cn.econtract.delegates.lifecycle;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A lifecycle milestone: the task's input parameter {@code status} (set in the model, visible in
 * Camunda Modeler's Input/Output tab) becomes the contract's status.
 */
@Component("setContractStatus")
public class SetContractStatus implements JavaDelegate {

    private final LifecyclePort lifecycle;

    public SetContractStatus(LifecyclePort lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String actor = EngineContext.actor(execution.getProcessEngineServices());
        EngineContext.asEngine(() -> lifecycle.reached((String) execution.getVariable("contractId"),
                (String) execution.getVariableLocal("status"), actor));
    }
}
