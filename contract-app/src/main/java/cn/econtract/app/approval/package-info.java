/** Approval: the caller's open tasks now; the approval process and its trail build on this. */
package cn.econtract.app.approval;
