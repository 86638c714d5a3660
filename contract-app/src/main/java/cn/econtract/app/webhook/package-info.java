/**
 * Webhooks for OA/ERP systems (G4): subscriptions to lifecycle events, a transactional outbox of
 * deliveries, HMAC-signed POSTs with retries and backoff, the delivery log and replay.
 */
package cn.econtract.app.webhook;
