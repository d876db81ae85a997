package se.rjh.tidplan.data;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dataset's {@code settings.json} (read and written by {@link SettingsJson}): the planning horizon, office
 * hours, the weak weeks, the soft constraint weights (by constraint name), the solver's time budget, the buffers
 * the dataset names (a {@code Buffer} cell of dependencies.csv may give a name instead of a number of days, so that
 * a choice the region defends, such as the room for an MBL 14 § central negotiation, is stated once) and whether the
 * board proposes the budget in November for special reasons (KL 11 kap 8 §).
 */
public record Settings(
        String name,
        Span horizon,
        Hours officeHours,
        int timeStepMinutes,
        List<Period> weakPeriods,
        int weakWeekWeight,
        Map<String, Long> weights,
        SolverBudget solver,
        Map<String, Integer> namedBuffers,
        boolean budgetProposalInNovember) {

    public record Span(LocalDate start, LocalDate end) {
    }

    /** The same settings with other office hours (the workspace's editor sets them). */
    public Settings withOfficeHours(Hours hours) {
        return new Settings(name, horizon, hours, timeStepMinutes, weakPeriods, weakWeekWeight, weights, solver, namedBuffers,
                budgetProposalInNovember);
    }

    public record Hours(LocalTime start, LocalTime end) {
    }

    /** A span of the year such as July, written {@code "07-01"} to {@code "07-31"}. */
    public record Period(MonthDay from, MonthDay to) {
    }

    /**
     * How much the solver searches: {@code moves} evaluated moves (the same on every machine, so a seed
     * gives the same calendar), at most {@code seconds}, and its random seed; {@code until} says whether a solve
     * ends by itself when its search stops improving, or searches on until stopped.
     */
    public record SolverBudget(long seconds, long moves, long seed, Until until) {

        public SolverBudget {
            Objects.requireNonNull(until, "until");
        }
    }

    /** When a full solve ends (re-plans, what-ifs and advice always end when done: they are answers awaited). */
    public enum Until {
        /**
         * When the search stops improving, after {@code moves} or after {@code seconds}, whichever comes first:
         * counted limits, so the same seed gives the same calendar on any machine.
         */
        DONE("done"),
        /**
         * Only when stopped (Ctrl-C, a signal, Stoppa in the workspace) or after {@code seconds}: for a planner who
         * lets the search run as long as they like, and for tests of a stop that must come mid-search.
         */
        STOPPED("stopped");

        private final String word;

        Until(String word) {
            this.word = word;
        }

        /** As written in settings.json. */
        public String word() {
            return word;
        }
    }
}
