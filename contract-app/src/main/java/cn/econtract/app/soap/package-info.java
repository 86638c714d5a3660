/**
 * SOAP 接口: the core contract operations for OA systems that speak only SOAP, WSDL-first
 * ({@code wsdl/contract-service.wsdl}, served at {@code /services/contracts?wsdl}). The endpoint is
 * an adapter over the same services as the REST API — same permissions, same department
 * boundaries, same error codes as SOAP faults.
 */
package cn.econtract.app.soap;
