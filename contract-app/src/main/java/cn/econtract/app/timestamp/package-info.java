/**
 * Trusted time (RFC 3161): one port, {@link cn.econtract.app.timestamp.TimeStampAuthority}, with the
 * built-in authority as the embedded default (also served over HTTP at {@code /tsa}) and any
 * external RFC 3161 TSA over HTTP as the other adapter; {@link cn.econtract.app.timestamp.TimeStampTokens}
 * checks a token with nothing but the token, also offline.
 */
package cn.econtract.app.timestamp;
