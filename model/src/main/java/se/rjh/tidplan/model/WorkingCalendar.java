package se.rjh.tidplan.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which days are Swedish working days (arbetsdagar) over the planning horizon, and which weeks are weak
 * (summer, Christmas). Non-working days carry the reason a user is told ("Saturday", "Midsommarafton").
 * <p>
 * Working days are counted from a prefix-sum table, so the lag between two dates costs O(1) inside the
 * score calculation.
 */
public final class WorkingCalendar {

    /** A span of the year, such as July, in which staff are away and the workload should be light. */
    public record WeakPeriod(MonthDay from, MonthDay to) {
        boolean contains(LocalDate date) {
            MonthDay day = MonthDay.from(date);
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    private final LocalDate first;
    private final LocalDate last;
    private final Map<LocalDate, String> holidays;
    private final List<WeakPeriod> weakPeriods;
    private final int weakWeekWeight;
    /** workingDaysUpTo[i] = number of working days in [first, first + i]. */
    private final int[] workingDaysUpTo;
    /** weakDay[i]: first + i lies in a weak period; read for every move, so computed once. */
    private final boolean[] weakDay;

    /**
     * @param first first day the calendar must answer for quickly
     * @param last last such day
     * @param holidays public holidays and de facto days off, by date, with their Swedish name
     * @param weakPeriods spans of the year counted as weak weeks
     * @param weakWeekWeight how many times heavier one activity weighs in a weak week (1 = not weak)
     */
    public WorkingCalendar(LocalDate first, LocalDate last, Map<LocalDate, String> holidays,
            List<WeakPeriod> weakPeriods, int weakWeekWeight) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("Calendar ends " + last + " before it starts " + first);
        }
        this.first = first;
        this.last = last;
        this.holidays = new TreeMap<>(holidays);
        this.weakPeriods = List.copyOf(weakPeriods);
        this.weakWeekWeight = weakWeekWeight;
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        workingDaysUpTo = new int[days];
        weakDay = new boolean[days];
        int count = 0;
        for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            if (nonWorkingReason(day).isEmpty()) {
                count++;
            }
            workingDaysUpTo[i] = count;
            weakDay[i] = inWeakPeriod(day);
        }
    }

    public boolean isWorkingDay(LocalDate date) {
        return nonWorkingReason(date).isEmpty();
    }

    /** Why the date is not a working day ("Saturday", "Julafton"), or empty when it is one. */
    public Optional<String> nonWorkingReason(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY) {
            return Optional.of("Saturday");
        }
        if (day == DayOfWeek.SUNDAY) {
            return Optional.of("Sunday");
        }
        return Optional.ofNullable(holidays.get(date));
    }

    /** The {@code n}-th working day after {@code date}, or before it for a negative {@code n}; the date itself for 0. */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        int step = n > 0 ? 1 : -1;
        LocalDate day = date;
        for (int counted = 0; counted < Math.abs(n); ) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The number of working days d with {@code from < d <= to}: 1 from a Monday to the Tuesday after, 1 from
     * a Friday to the Monday after; negative when {@code to} is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        return upTo(to) - upTo(from);
    }

    private int upTo(LocalDate date) {
        long index = ChronoUnit.DAYS.between(first, date);
        if (index >= 0 && index < workingDaysUpTo.length) {
            return workingDaysUpTo[(int) index];
        }
        // Outside the table (a hand-made calendar with a stray date): count the slow way.
        int count = 0;
        if (index < 0) {
            for (LocalDate d = date.plusDays(1); d.isBefore(first); d = d.plusDays(1)) {
                count += isWorkingDay(d) ? 1 : 0;
            }
            return -count;
        }
        for (LocalDate d = last.plusDays(1); !d.isAfter(date); d = d.plusDays(1)) {
            count += isWorkingDay(d) ? 1 : 0;
        }
        return workingDaysUpTo[workingDaysUpTo.length - 1] + count;
    }

    /** Working days from {@code from} to {@code to}, both included. */
    public List<LocalDate> workingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    /** The Monday of the ISO week of the date: the key the workload is counted by. */
    public static LocalDate weekOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** A week is weak when any of its weekdays falls in a weak period (July, Christmas). */
    public boolean isWeakWeek(LocalDate weekStart) {
        for (int i = 0; i < 5; i++) {
            LocalDate day = weekStart.plusDays(i);
            long index = ChronoUnit.DAYS.between(first, day);
            if (index >= 0 && index < weakDay.length ? weakDay[(int) index] : inWeakPeriod(day)) {
                return true;
            }
        }
        return false;
    }

    private boolean inWeakPeriod(LocalDate day) {
        for (WeakPeriod period : weakPeriods) {
            if (period.contains(day)) {
                return true;
            }
        }
        return false;
    }

    /** How heavily one activity weighs in the week: the weak-week weight in weak weeks, else 1. */
    public int weekWeight(LocalDate weekStart) {
        return isWeakWeek(weekStart) ? weakWeekWeight : 1;
    }

    public Map<LocalDate, String> getHolidays() {
        return holidays;
    }
}
