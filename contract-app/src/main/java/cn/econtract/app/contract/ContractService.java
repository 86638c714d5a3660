package cn.econtract.app.contract;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.identity.UserProfile;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, reads and deletes contracts with department scoping: a contract outside the
 * caller's reach answers "not found", so its existence does not leak; the attempt is logged.
 */
@Service
public class ContractService {

    private final ContractRepository repository;
    private final ContractNumbers numbers;
    private final AccessService access;
    private final OperationLogService log;
    private final Clock clock;

    ContractService(ContractRepository repository, ContractNumbers numbers, AccessService access,
                    OperationLogService log, Clock clock) {
        this.repository = repository;
        this.numbers = numbers;
        this.access = access;
        this.log = log;
        this.clock = clock;
    }

    @Transactional
    public Contract create(NewContract request) {
        UserProfile user = access.require(Permission.CONTRACT_CREATE);
        String department = request.departmentId() != null ? request.departmentId() : user.primaryDepartmentId();
        if (department == null) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.contract.noDepartment");
        }
        if (!user.canIn(Permission.CONTRACT_CREATE, department)) {
            log.record(OperationRecord.denied(user.id(), OperationAction.CREATE, "contract", null,
                    "department " + department + " outside scope"));
            throw BusinessException.forbidden(Permission.CONTRACT_CREATE.code());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Contract contract = new Contract(UUID.randomUUID().toString(), numbers.next(request.contractType()),
                request.title(), request.contractType(), department, request.counterpartyName(),
                request.counterpartyContact(), request.amount(), request.currency() == null ? "CNY" : request.currency(),
                request.body(), ContractStatus.DRAFT, user.id(), now, now);
        repository.insert(contract);
        log.record(OperationRecord.success(user.id(), OperationAction.CREATE, "contract", contract.id())
                .withDetail(contract.contractNo()));
        return contract;
    }

    public Contract get(String id) {
        Contract contract = reachable(id, Permission.CONTRACT_VIEW, OperationAction.VIEW);
        log.record(OperationRecord.success(null, OperationAction.VIEW, "contract", id));
        return contract;
    }

    public List<Contract> list(int page, int size) {
        return repository.list(access.departmentFilter(Permission.CONTRACT_VIEW), page * size, size);
    }

    /** Only drafts can be deleted; the row is kept (soft delete) for the evidence trail. */
    @Transactional
    public void delete(String id) {
        Contract contract = reachable(id, Permission.CONTRACT_DELETE, OperationAction.DELETE);
        if (contract.status() != ContractStatus.DRAFT) {
            throw BusinessException.stateConflict("error.contract.deleteNotDraft", contract.contractNo(), contract.status());
        }
        repository.markDeleted(id, clock.instant());
        log.record(OperationRecord.success(null, OperationAction.DELETE, "contract", id).withDetail(contract.contractNo()));
    }

    private Contract reachable(String id, Permission permission, OperationAction action) {
        UserProfile user = access.require(permission);
        Contract contract = repository.find(id).orElseThrow(() -> BusinessException.notFound("contract", id));
        if (!user.canIn(permission, contract.departmentId())) {
            log.record(OperationRecord.denied(user.id(), action, "contract", id,
                    "missing " + permission.code() + " for department " + contract.departmentId()));
            throw BusinessException.notFound("contract", id);
        }
        return contract;
    }
}
