package cn.econtract.app.audit;

import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;

/** Filters of the auditors' query; every field is optional. Bound directly from request parameters. */
public record OperationQuery(String actor, OperationAction action, String resourceType, String resourceId,
                             Outcome outcome,
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
}
