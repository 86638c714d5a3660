/**
 * Process-facing code. Each delegate or listener reads typed variables, makes one call to an
 * inbound port (an interface here, implemented by the application) and writes typed results.
 * Nothing here knows the application: the models can be tested against any implementation.
 */
package cn.econtract.delegates;
