/**
 * 比对 Comparing two versions of a clause list (template or contract): which clauses were added,
 * removed, moved or changed, and inside a changed clause which characters (Chinese has no word
 * spaces, so the diff works on characters).
 */
package cn.econtract.app.compare;
