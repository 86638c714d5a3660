/**
 * Signing (签署, issue 5). First piece: PAdES signatures by each signer's own key — an incremental
 * revision per signer, the first one certifying the document (DocMDP), a signature time-stamp from
 * the RFC 3161 authority (PAdES-B-T). Flows, identity factors, appearances and long-term validation
 * material build on this.
 */
package cn.econtract.app.signing;
