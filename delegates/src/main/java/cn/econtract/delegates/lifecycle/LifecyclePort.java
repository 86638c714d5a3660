package cn.econtract.delegates.lifecycle;

import java.util.Map;

/** What {@code contract-lifecycle.bpmn} asks of the application. Implemented in contract-app. */
public interface LifecyclePort {

    /**
     * Opens the next approval round for a returned contract: checks it is complete and was revised
     * since it was returned, and answers the round's process variables (number, version, the facts
     * the routing decision reads).
     */
    Map<String, Object> resubmit(String contractId, String actor);

    /** The drafter withdrew the contract (撤回): it is a draft again and the round ends WITHDRAWN. */
    void withdrawn(String contractId, int round, String actor);

    /** A phase of the lifecycle was reached: the contract's status follows. */
    void reached(String contractId, String status, String actor);
}
