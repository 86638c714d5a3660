/**
 * Evidence (存证, issue 6): the proof primitives first. Entries are batched into Merkle trees
 * (RFC 6962 hashing, so any standard transparency-log verifier can check a proof); the ledger,
 * time-stamps, anchoring and the evidence package build on these.
 */
package cn.econtract.app.evidence;
