/** Operations: metrics, clock, command-line maintenance commands. */
package cn.econtract.app.ops;
