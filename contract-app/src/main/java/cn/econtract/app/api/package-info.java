/** Cross-cutting API concerns: RFC 9457 problem details with stable codes, the OpenAPI description. */
package cn.econtract.app.api;
