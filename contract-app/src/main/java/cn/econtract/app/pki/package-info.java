/**
 * The platform's own PKI (issue 5): a root CA and an issuing CA (keys in the signing key store,
 * PKCS#12 or an HSM), a certificate per person and per organisation — never one server certificate
 * for everyone —, revocation, and the CRL and OCSP responder a PDF reader or OpenSSL asks years later.
 */
package cn.econtract.app.pki;
