package cn.econtract.app.approval;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.contract.Contract;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.contract.ContractStatus;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.identity.UserProfile;
import cn.econtract.app.kernel.BusinessException;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drafter's side: submit a draft (starts the lifecycle), resubmit a returned contract
 * (completes the revision task), withdraw (撤回) while approval runs or after a return.
 */
@Service
public class Submissions {

    static final String LIFECYCLE = "contract-lifecycle";
    static final String REVISE_TASK = "Task_Revise";
    static final String WITHDRAW_MESSAGE = "contract-withdrawn";

    private final ContractService contracts;
    private final ApprovalFlow flow;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AccessService access;
    private final EngineCalls engine;

    Submissions(ContractService contracts, ApprovalFlow flow, RuntimeService runtime, TaskService tasks,
                AccessService access, EngineCalls engine) {
        this.contracts = contracts;
        this.flow = flow;
        this.runtime = runtime;
        this.tasks = tasks;
        this.access = access;
        this.engine = engine;
    }

    public record Submitted(String contractId, String status, int round) {
    }

    @Transactional
    public Submitted submit(String contractId) {
        UserProfile me = access.currentUser();
        ContractService.Drafted drafted = contracts.submittable(contractId);
        Contract contract = drafted.contract();
        if (contract.status() == ContractStatus.DRAFT) {
            if (runtime.createProcessInstanceQuery().processDefinitionKey(LIFECYCLE).processInstanceBusinessKey(contractId)
                    .count() > 0) {
                throw BusinessException.stateConflict("error.approval.alreadyRunning", contract.contractNo());
            }
            Map<String, Object> variables = flow.openRound(drafted, me.id());
            engine.as(me, () -> runtime.startProcessInstanceByKey(LIFECYCLE, contractId, variables));
        } else {
            Task revise = reviseTask(contractId, contract);
            engine.as(me, () -> tasks.complete(revise.getId(), Map.of("decision", "RESUBMIT")));
        }
        return new Submitted(contractId, contracts.header(contractId).status().name(), flow.currentRound(contractId));
    }

    /** 撤回: by whoever created the contract or submitted this round, while it is in approval or returned. */
    @Transactional
    public Submitted withdraw(String contractId) {
        UserProfile me = access.require(Permission.CONTRACT_SUBMIT);
        Contract contract = contracts.drafted(contractId, Permission.CONTRACT_SUBMIT,
                OperationAction.WITHDRAW).contract();
        if (!me.id().equals(contract.createdBy()) && !me.id().equals(flow.submitterOfCurrentRound(contractId))) {
            throw BusinessException.forbidden("contract:withdraw (drafter or submitter only)");
        }
        switch (contract.status()) {
            case IN_APPROVAL -> engine.as(me, () -> runtime.createMessageCorrelation(WITHDRAW_MESSAGE)
                    .processInstanceBusinessKey(contractId).correlateWithResult());
            case RETURNED -> {
                Task revise = reviseTask(contractId, contract);
                engine.as(me, () -> tasks.complete(revise.getId(), Map.of("decision", "WITHDRAW")));
            }
            default -> throw BusinessException.stateConflict("error.approval.notWithdrawable", contract.contractNo(), contract.status());
        }
        return new Submitted(contractId, ContractStatus.DRAFT.name(), flow.currentRound(contractId));
    }

    private Task reviseTask(String contractId, Contract contract) {
        Task revise = tasks.createTaskQuery().processInstanceBusinessKey(contractId).taskDefinitionKey(REVISE_TASK).singleResult();
        if (revise == null) {
            throw BusinessException.stateConflict("error.approval.noRevisionTask", contract.contractNo());
        }
        return revise;
    }
}
