package cn.econtract.app.backup;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.audit.Outcome;
import cn.econtract.app.crypto.TamperedDataException;
import cn.econtract.app.evidence.EvidenceVerification;
import cn.econtract.app.storage.DocumentMissingException;
import cn.econtract.app.storage.Documents;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Checks data after a restore, before anyone works on it: every document object opens with its
 * key and hashes to its address, the evidence trail and the operation log verify end to end.
 * The result goes into the operation log.
 */
@Service
public class RestoredData {

    private static final int PAGE = 500;
    private static final int REPORTED = 10;

    private final JdbcClient jdbc;
    private final Documents documents;
    private final EvidenceVerification evidence;
    private final OperationLogService operationLog;

    RestoredData(JdbcClient jdbc, Documents documents, EvidenceVerification evidence, OperationLogService operationLog) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.evidence = evidence;
        this.operationLog = operationLog;
    }

    public RestoreCheck check(String snapshot) {
        long checked = 0;
        List<String> bad = new ArrayList<>();
        String after = "";
        for (List<String> page = page(after); !page.isEmpty(); page = page(after)) {
            for (String address : page) {
                try {
                    documents.get(address);
                } catch (DocumentMissingException | TamperedDataException e) {
                    if (bad.size() < REPORTED) {
                        bad.add(address + ": " + e.getMessage());
                    }
                }
                checked++;
            }
            after = page.get(page.size() - 1);
        }
        RestoreCheck result = new RestoreCheck(checked, List.copyOf(bad), evidence.verify(), operationLog.verify());
        operationLog.append(new OperationRecord("system", OperationAction.RESTORE, "backup", snapshot,
                result.intact() ? Outcome.SUCCESS : Outcome.FAILED,
                checked + " documents, " + result.evidence().entriesChecked() + " evidence entries" + (result.intact() ? "" : "; BROKEN")));
        return result;
    }

    private List<String> page(String after) {
        return jdbc.sql("SELECT address FROM document_object WHERE address > :after ORDER BY address FETCH FIRST " + PAGE + " ROWS ONLY")
                .param("after", after).query(String.class).list();
    }
}
