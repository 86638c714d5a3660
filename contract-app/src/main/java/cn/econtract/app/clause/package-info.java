/**
 * 条款库 The clause library: standard clauses (payment, confidentiality, IP, liability cap, force
 * majeure, dispute resolution, termination), versioned, tagged and searchable.
 */
package cn.econtract.app.clause;
