package cn.econtract.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Fires a process instance's timers that are due at the engine's (possibly moved) clock. */
public final class DueTimers {

    private DueTimers() {
    }

    public static void run(ManagementService management, String processInstanceId) {
        List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).timers().executable().list();
        assertThat(due).as("due timers").isNotEmpty();
        for (Job job : due) {
            // one timer firing may remove another (an event-based gateway, an interrupting boundary)
            if (management.createJobQuery().jobId(job.getId()).count() > 0) {
                management.executeJob(job.getId());
            }
        }
    }
}
