/**
 * 履约 (F5): what each party owes and by when — extracted from a contract's structured variables
 * and from the free text of uploaded contracts, confirmed or corrected by the owner, then watched:
 * reminders before each due date, overdue handling after it.
 */
package cn.econtract.app.fulfilment;
