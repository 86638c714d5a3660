package cn.econtract.app.audit;

import java.time.Instant;

/** Filters of the auditors' query; every field is optional. */
public record OperationQuery(String actor, OperationAction action, String resourceType, String resourceId,
                             Outcome outcome, Instant from, Instant to) {
}
