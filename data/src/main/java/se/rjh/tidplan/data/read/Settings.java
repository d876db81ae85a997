package se.rjh.tidplan.data.read;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;

/**
 * The dataset's {@code settings.json} (read and written by {@link SettingsJson}): the planning horizon, office
 * hours, the weak weeks, the soft constraint weights (by constraint name) and the solver's time budget.
 */
public record Settings(
        String name,
        Span horizon,
        Hours officeHours,
        int timeStepMinutes,
        List<Period> weakPeriods,
        int weakWeekWeight,
        Map<String, Long> weights,
        SolverBudget solver) {

    public record Span(LocalDate start, LocalDate end) {
    }

    public record Hours(LocalTime start, LocalTime end) {
    }

    /** A span of the year such as July, written {@code "07-01"} to {@code "07-31"}. */
    public record Period(MonthDay from, MonthDay to) {
    }

    /**
     * How much the solver searches: {@code moves} evaluated moves (the same on every machine, so a seed
     * gives the same calendar), at most {@code seconds}, and its random seed.
     */
    public record SolverBudget(long seconds, long moves, long seed) {
    }
}
