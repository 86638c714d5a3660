/**
 * Camunda external tasks (A2): how a worker fetches, does and completes them, the same for every
 * worker whether it runs inside the application (embedded default, engine Java API) or as a
 * separate process of the same jar (engine REST API). Features own their topics and handlers.
 */
package cn.econtract.app.tasks;
