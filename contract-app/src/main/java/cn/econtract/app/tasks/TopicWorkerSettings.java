package cn.econtract.app.tasks;

import java.time.Duration;

/**
 * One worker's settings, bound under each feature's {@code …worker} prefix.
 *
 * @param inProcess     poll the engine in this JVM (default); off when separate workers run
 * @param pollInterval  pause between polls when there was nothing to do
 * @param lockDuration  how long a fetched task is ours before another worker may take it
 * @param retries       attempts before the task becomes an incident in Cockpit
 * @param retryBackoff  wait before the next attempt
 * @param engineUrl     separate worker only: the engine REST API ({@code …/engine-rest})
 * @param username      separate worker only: a member of the worker's group
 * @param password      its password, from the environment, never from a file in the repository
 */
public record TopicWorkerSettings(Boolean inProcess, Duration pollInterval, Duration lockDuration, Integer retries,
                                  Duration retryBackoff, String engineUrl, String username, String password) {

    public TopicWorkerSettings {
        inProcess = inProcess == null || inProcess;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lockDuration = lockDuration == null ? Duration.ofMinutes(1) : lockDuration;
        retries = retries == null ? 5 : retries;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(30) : retryBackoff;
    }

    public static TopicWorkerSettings defaults() {
        return new TopicWorkerSettings(null, null, null, null, null, null, null, null);
    }

    /** Attempts left after a failure; none left makes the task an incident. */
    public int retriesAfterFailure(Integer current) {
        return Math.max(0, (current == null ? retries : current) - 1);
    }

    @Override
    public String toString() {
        return "TopicWorkerSettings[inProcess=" + inProcess + ", engineUrl=" + engineUrl + ", username=" + username + "]";
    }
}
