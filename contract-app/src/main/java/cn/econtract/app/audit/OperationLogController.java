package cn.econtract.app.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Auditors' view of the operation log (permission audit:read, enforced by the security rules). */
@RestController
@RequestMapping("/api/v1/audit/operations")
@Tag(name = "Audit", description = "操作日志 operation log")
@Validated
class OperationLogController {

    private final OperationLogService log;

    OperationLogController(OperationLogService log) {
        this.log = log;
    }

    @GetMapping
    @Operation(summary = "Query the operation log, newest first (filters: actor, action, resourceType, resourceId, outcome, from, to)")
    OperationPage find(@ParameterObject OperationQuery query,
                       @RequestParam(defaultValue = "0") @Min(0) int page,
                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return new OperationPage(log.find(query, page, size), log.count(query), page, size);
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Export matching entries as CSV (UTF-8); the export itself is logged")
    void export(@ParameterObject OperationQuery query, HttpServletResponse response) throws IOException {
        log.record(new OperationRecord(null, OperationAction.EXPORT, "operation-log", null, Outcome.SUCCESS,
                "CSV export " + query));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"operation-log.csv\"");
        log.exportCsv(query, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    @GetMapping("/verify")
    @Operation(summary = "Verify the hash chain; names the first bad entry")
    ChainVerification verify() {
        return log.verify();
    }

    record OperationPage(List<OperationEntry> items, long total, int page, int size) {
    }
}
