package cn.econtract.app.tasks;

import java.util.Map;

/**
 * Does one fetched task. Must be idempotent: a worker that dies after doing the work but before
 * completing the task leaves it locked until the lock expires, and then the task is done again.
 */
@FunctionalInterface
public interface TopicHandler {

    void handle(String topic, Map<String, Object> variables);
}
