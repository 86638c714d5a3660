package cn.econtract.app.fulfilment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * When an obligation falls due, as the contract words it. {@link #code()} is a stable text form
 * (kept with the obligation and used by the labelled test set); {@link #resolve} turns it into a
 * date once the events it counts from are known.
 */
public sealed interface DueTerm {

    String code();

    /** The due date, given the dates of the anchors that happened; empty while one it needs is unknown. */
    Optional<LocalDate> resolve(Map<Anchor, LocalDate> anchors, LocalDate today);

    /** 日历日, 工作日 (Monday to Friday; public holidays are not known here), 月. */
    enum Unit {
        DAYS, WORKING_DAYS, MONTHS;

        LocalDate add(LocalDate from, int amount) {
            return switch (this) {
                case DAYS -> from.plusDays(amount);
                case MONTHS -> from.plusMonths(amount);
                case WORKING_DAYS -> {
                    LocalDate d = from;
                    int step = amount >= 0 ? 1 : -1;
                    for (int left = Math.abs(amount); left > 0; ) {
                        d = d.plusDays(step);
                        if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                            left--;
                        }
                    }
                    yield d;
                }
            };
        }
    }

    /** 2026年12月31日前 */
    record ByDate(LocalDate date) implements DueTerm {
        @Override
        public String code() {
            return "DATE:" + date;
        }

        @Override
        public Optional<LocalDate> resolve(Map<Anchor, LocalDate> anchors, LocalDate today) {
            return Optional.of(date);
        }
    }

    /** 合同签订后30日内, 验收合格后15个工作日内; with EXPIRY: 合同期满前30日 (counted backwards). */
    record Relative(Anchor anchor, int amount, Unit unit) implements DueTerm {
        @Override
        public String code() {
            return (anchor == Anchor.EXPIRY ? "BEFORE:" : "AFTER:") + anchor + ":" + amount + ":" + unit;
        }

        @Override
        public Optional<LocalDate> resolve(Map<Anchor, LocalDate> anchors, LocalDate today) {
            LocalDate from = anchors.get(anchor);
            return from == null ? Optional.empty() : Optional.of(unit.add(from, anchor == Anchor.EXPIRY ? -amount : amount));
        }
    }

    /** 每月5日前: the next such day from today. */
    record Monthly(int day) implements DueTerm {
        @Override
        public String code() {
            return "MONTHLY:" + day;
        }

        @Override
        public Optional<LocalDate> resolve(Map<Anchor, LocalDate> anchors, LocalDate today) {
            LocalDate candidate = today.withDayOfMonth(Math.min(day, today.lengthOfMonth()));
            if (candidate.isBefore(today)) {
                LocalDate next = today.plusMonths(1);
                candidate = next.withDayOfMonth(Math.min(day, next.lengthOfMonth()));
            }
            return Optional.of(candidate);
        }
    }

    /** Parses {@link #code()} back; empty for anything else. */
    public static Optional<DueTerm> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String[] p = code.split(":");
        try {
            return switch (p[0]) {
                case "DATE" -> Optional.of(new ByDate(LocalDate.parse(p[1])));
                case "AFTER", "BEFORE" -> Optional.of(new Relative(Anchor.valueOf(p[1]), Integer.parseInt(p[2]), Unit.valueOf(p[3])));
                case "MONTHLY" -> Optional.of(new Monthly(Integer.parseInt(p[1])));
                default -> Optional.empty();
            };
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
