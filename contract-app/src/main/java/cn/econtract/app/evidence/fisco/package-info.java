/**
 * FISCO BCOS adapter of the evidence ledger (Java SDK 3.6.0). {@link cn.econtract.app.evidence.fisco.ChainGateway}
 * is the boundary to the SDK's network client: everything on our side of it (ABI encoding with the
 * SDK's codec, receipt and revert handling, retries, look-up decoding) is tested here without a node;
 * the gateway itself only runs against a real chain (see docs/evidence.md).
 */
package cn.econtract.app.evidence.fisco;
