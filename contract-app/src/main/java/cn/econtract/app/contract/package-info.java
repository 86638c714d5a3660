/**
 * The contract register: first-class fields (number, type, department, counterparty, amount,
 * dates, status) and the sealed body. Drafting from templates, approval and signing build on it.
 */
package cn.econtract.app.contract;
