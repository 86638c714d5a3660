package cn.econtract.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.fulfilment.ReminderPlanner;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The next step of an obligation's watch, without an engine. */
class ReminderPlannerTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 11);

    @Test
    void theNextReminderIsTheEarliestStillAheadAt9InChina() {
        var step = ReminderPlanner.next(DUE, "7,3,1,0", Instant.parse("2026-11-29T00:00:00Z"), Set.of());
        assertThat(step.step()).isEqualTo("REMIND");
        assertThat(step.reminderKey()).isEqualTo("D-7@2026-12-11");
        assertThat(step.reminderAt()).isEqualTo(Instant.parse("2026-12-04T01:00:00Z"));
        assertThat(step.dueAt()).as("the due date passes at the end of its day").isEqualTo(Instant.parse("2026-12-11T16:00:00Z"));
    }

    @Test
    void passedAndGivenRemindersAreSkippedThenTheDueDate() {
        assertThat(ReminderPlanner.next(DUE, "7,3,1,0", Instant.parse("2026-12-08T02:00:00Z"), Set.of()).reminderKey())
                .as("D-3 09:00 China has passed").isEqualTo("D-1@2026-12-11");
        assertThat(ReminderPlanner.next(DUE, "7,3,1,0", Instant.parse("2026-11-29T00:00:00Z"), Set.of("D-7@2026-12-11")).reminderKey())
                .isEqualTo("D-3@2026-12-11");
        assertThat(ReminderPlanner.next(DUE, "7,3,1,0", Instant.parse("2026-12-11T02:00:00Z"), Set.of()).step()).isEqualTo("DUE");
        assertThat(ReminderPlanner.next(null, "7,3,1,0", Instant.parse("2026-12-11T02:00:00Z"), Set.of()).step()).isEqualTo("UNDATED");
        assertThat(ReminderPlanner.next(DUE, "seven, 3", Instant.parse("2026-11-29T00:00:00Z"), Set.of()).reminderKey())
                .as("an unreadable day is left out").isEqualTo("D-3@2026-12-11");
    }
}
