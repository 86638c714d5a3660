/**
 * Shared kernel: the few types every feature speaks (business exceptions with stable error
 * codes). Kept deliberately tiny; anything feature-specific belongs in its feature package.
 */
package cn.econtract.app.kernel;
