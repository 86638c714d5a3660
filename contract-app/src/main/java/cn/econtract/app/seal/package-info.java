/**
 * 印章与手写签名: company e-seals (generated in the customary look or uploaded) kept for their
 * organisation and used only by the seal custodians, and each signer's handwritten signature drawn
 * on a pad. Images are sealed at rest and checked on upload (PNG only, size and dimensions).
 */
package cn.econtract.app.seal;
