/**
 * Operation log (S4): who did what, when, from where, to which resource, with which outcome.
 * Append-only and hash-chained with an HMAC, so that a changed, removed or reordered entry is
 * found by {@link cn.econtract.app.audit.OperationLogService#verify()}.
 */
package cn.econtract.app.audit;
