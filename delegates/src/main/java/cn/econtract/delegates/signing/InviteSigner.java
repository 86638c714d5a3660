package cn.econtract.delegates.signing;

import cn.econtract.delegates.EngineContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 邀请签署: the signer id in; the signer told, and who holds the task out (local to this signer's process). */
@Component("inviteSigner")
public class InviteSigner implements JavaDelegate {

    private final SigningPort signing;

    public InviteSigner(SigningPort signing) {
        this.signing = signing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SignerSeat seat = EngineContext.asEngine(() -> signing.invite((String) execution.getVariable("signerId")));
        execution.setVariable("signerAssignee", seat.assignee());
        execution.setVariable("signerGroups", seat.candidateGroups());
        execution.setVariable("signatureOutcome", "PENDING");
    }
}
