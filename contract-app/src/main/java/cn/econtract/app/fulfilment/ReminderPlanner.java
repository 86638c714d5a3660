package cn.econtract.app.fulfilment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The next step of an obligation's watch: the next reminder still ahead (09:00 China time, the
 * schedule's days before the due date, latest first), else the due date itself — which passes at
 * the end of that day. A reminder's key names its day and the due date, so a changed date gives
 * new reminders and a repeated one is recognised.
 */
public final class ReminderPlanner {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final LocalTime REMIND_AT = LocalTime.of(9, 0);

    private ReminderPlanner() {
    }

    public record Step(String step, Instant reminderAt, String reminderKey, Instant dueAt) {
    }

    public static Step next(LocalDate dueDate, String daysBefore, Instant now, java.util.Set<String> given) {
        if (dueDate == null) {
            return new Step("UNDATED", null, null, null);
        }
        Instant dueAt = dueDate.plusDays(1).atStartOfDay(CHINA).toInstant();
        for (int days : days(daysBefore)) {
            Instant at = dueDate.minusDays(days).atTime(REMIND_AT).atZone(CHINA).toInstant();
            String key = "D-" + days + "@" + dueDate;
            if (at.isAfter(now) && !given.contains(key)) {
                return new Step("REMIND", at, key, dueAt);
            }
        }
        return new Step("DUE", null, null, dueAt);
    }

    /** "7,3,1,0" → [7, 3, 1, 0], latest reminder last; anything unreadable is left out. */
    static List<Integer> days(String daysBefore) {
        if (daysBefore == null) {
            return List.of();
        }
        return Arrays.stream(daysBefore.split(",")).map(String::strip).map(d -> {
            try {
                return Optional.of(Integer.parseInt(d));
            } catch (NumberFormatException e) {
                return Optional.<Integer>empty();
            }
        }).flatMap(Optional::stream).filter(d -> d >= 0 && d <= 366).distinct().sorted((a, b) -> b - a).toList();
    }
}
