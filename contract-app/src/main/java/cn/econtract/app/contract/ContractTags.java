package cn.econtract.app.contract;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.kernel.ContractIndexable;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keyword tags of a contract (e.g. 框架协议, 重点客户): metadata for finding it, editable in any status. */
@Service
public class ContractTags {

    static final int MAX_TAGS = 20;
    static final int MAX_LENGTH = 32;

    private final JdbcClient jdbc;
    private final ContractService contracts;
    private final OperationLogService log;
    private final ApplicationEventPublisher events;

    ContractTags(JdbcClient jdbc, ContractService contracts, OperationLogService log, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.log = log;
        this.events = events;
    }

    public List<String> of(String contractId) {
        return jdbc.sql("SELECT tag FROM contract_tag WHERE contract_id = :c ORDER BY tag").param("c", contractId)
                .query(String.class).list();
    }

    public List<String> view(String contractId) {
        contracts.drafted(contractId, Permission.CONTRACT_VIEW, OperationAction.VIEW);
        return of(contractId);
    }

    /** Replaces the tags (trimmed, without duplicates); 400 per bad tag, nothing changes then. */
    @Transactional
    public List<String> replace(String contractId, List<String> tags) {
        contracts.drafted(contractId, Permission.CONTRACT_EDIT, OperationAction.MODIFY);
        Set<String> clean = new LinkedHashSet<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> given = tags == null ? List.of() : tags;
        if (given.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "error.tags.tooMany", MAX_TAGS));
        }
        for (int i = 0; i < given.size(); i++) {
            String tag = given.get(i) == null ? "" : given.get(i).strip();
            if (tag.isEmpty() || tag.length() > MAX_LENGTH || tag.chars().anyMatch(c -> c == ',' || Character.isISOControl(c))) {
                errors.add(new FieldError("tags[" + i + "]", "error.tags.invalid", MAX_LENGTH));
            } else {
                clean.add(tag);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        jdbc.sql("DELETE FROM contract_tag WHERE contract_id = :c").param("c", contractId).update();
        for (String tag : clean) {
            jdbc.sql("INSERT INTO contract_tag (contract_id, tag) VALUES (:c, :t)").param("c", contractId).param("t", tag).update();
        }
        log.record(OperationRecord.success(null, OperationAction.MODIFY, "contract", contractId).withDetail("tags " + clean));
        events.publishEvent(new ContractIndexable(contractId));
        return List.copyOf(clean);
    }
}
