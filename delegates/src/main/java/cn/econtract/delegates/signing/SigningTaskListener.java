package cn.econtract.delegates.signing;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the signing user tasks, whichever client completes them (our API, Tasklist, engine REST).
 * 安排签署 complete: START only with signers arranged through our API, CANCEL with a reason.
 * 用印审批 complete: the decision and opinion are checked and recorded. 签署 create: the task id
 * goes to the signer's record; complete: only after the signature or refusal was recorded, so
 * Tasklist cannot complete a signature without one.
 */
@Component("signingTaskListener")
public class SigningTaskListener implements TaskListener {

    private final SigningPort signing;

    public SigningTaskListener(SigningPort signing) {
        this.signing = signing;
    }

    @Override
    public void notify(DelegateTask task) {
        String contractId = (String) task.getVariable("contractId");
        String actor = EngineContext.actor(task.getProcessEngineServices());
        String by = EngineContext.SYSTEM.equals(actor) && task.getAssignee() != null ? task.getAssignee() : actor;
        boolean create = EVENTNAME_CREATE.equals(task.getEventName());
        switch (task.getTaskDefinitionKey()) {
            case "Task_Arrange" -> EngineContext.asEngine(() -> signing.arrangementChecked(contractId,
                    (String) task.getVariable("arrangement"), (String) task.getVariable("arrangementNote")));
            case "Task_ApproveSeal" -> EngineContext.asEngine(() -> signing.sealDecided(contractId, task.getId(), by,
                    (String) task.getVariable("decision"), (String) task.getVariable("opinion")));
            case "Task_Sign" -> {
                String signerId = (String) task.getVariable("signerId");
                if (create) {
                    EngineContext.asEngine(() -> signing.taskOpened(signerId, task.getId()));
                } else {
                    EngineContext.asEngine(() -> signing.signerDone(signerId));
                }
            }
            default -> {
                // not a signing task
            }
        }
    }
}
