package se.rjh.tidplan.solver.search;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.ElectionYears;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.Sitting;
import se.rjh.tidplan.model.SittingSource;
import se.rjh.tidplan.model.WorkingCalendar;

/**
 * A rolled-forward calendar in a year of general elections: the newly elected council sets the budget
 * (KL 11 kap 10 §), so its decision, and the chain around it, move into the new council's time.
 */
public final class ElectionYearBudget {

    private ElectionYearBudget() {
    }

    /** Moves every election-year budget decision of the schedule; one note each, to be confirmed. */
    public static List<String> place(Schedule schedule) {
        List<String> notes = new ArrayList<>();
        for (Activity decision : ElectionYears.beforeTheNewCouncil(schedule.getActivities())) {
            notes.add(newCouncilSetsTheBudget(schedule, decision));
        }
        return notes;
    }

    /**
     * In an election year the newly elected council sets the budget (KL 11 kap 10 §): the decision gets the
     * window from the day the new council takes office to its deadline, and moves to the last RF sitting in
     * that window that still leaves the steps after it their lags (an RF sitting is added there, to be
     * confirmed, when none does). The decision chain before it (the steps at sittings: RS, RS AU,
     * co-determination) moves with it, inside their own windows, and the steps after it follow.
     */
    private static String newCouncilSetsTheBudget(Schedule schedule, Activity decision) {
        int year = ElectionYears.electionYearOfBudget(decision).orElseThrow();
        LocalDate from = ElectionYears.newCouncilFrom(year);
        LocalDate until = decision.getLatest() != null ? decision.getLatest() : LocalDate.of(year, 11, 30);
        decision.setWindow(from, until);
        CandidateValues.Bounds chain = CandidateValues.chainWindows(schedule, CandidateValues.propagate(schedule))
                .get(decision);
        LocalDate first = chain.earliest().isAfter(from) ? chain.earliest() : from;
        LocalDate last = chain.latest().isBefore(until) ? chain.latest() : until;
        String rule = ElectionYears.rule(decision, year) + ": it must fall between " + from + " and " + until;
        if (last.isBefore(first)) {
            return rule + ", but the steps around it leave it no day there; move them or widen their windows";
        }
        Body council = decision.getBodies().stream().filter(b -> b.getCode().equals(ElectionYears.COUNCIL)).findFirst()
                .orElseThrow();
        LocalDate sitting = council.getSittings().subSet(first, true, last, true).stream().reduce((a, b) -> b).orElse(null);
        String where;
        if (sitting == null) {
            sitting = newSitting(schedule.getCalendar(), council, first, last);
            schedule.replaceBody(council.withSitting(sitting, Sitting.of(SittingSource.ADDED, "the newly elected RF sets "
                    + "the budget for " + (year + 1) + " (KL 11 kap 10 §) and no RF sitting from " + first + " to " + last
                    + " leaves the steps after " + decision.getId() + " their time")));
            where = "a new RF sitting on " + sitting + " (no rolled RF sitting from " + first + " to " + last
                    + " leaves the steps after it their time: confirm it)";
        } else {
            where = "RF's sitting on " + sitting;
        }
        long shift = ChronoUnit.DAYS.between(decision.getBaselineDate(), sitting);
        decision.setBaselineDate(sitting);
        Chains chains = new Chains(schedule);
        List<String> before = new ArrayList<>();
        for (Activity step : decisionChainBefore(chains, decision)) {
            LocalDate moved = step.getBaselineDate().plusDays(shift);
            step.setBaselineDate(step.getLatest() != null && moved.isAfter(step.getLatest()) ? step.getLatest() : moved);
            before.add(step.getId());
        }
        int after = followAfter(chains, schedule.getCalendar(), decision);
        return rule + ": planned on " + where + "; " + (before.isEmpty() ? "" : String.join(", ", before)
                + " moved with it; ") + after + " later steps moved to follow it";
    }

    /** The steps at sittings that lead straight to the decision: RS, RS AU, the co-determination before them. */
    private static List<Activity> decisionChainBefore(Chains chains, Activity decision) {
        List<Activity> chain = new ArrayList<>();
        List<Activity> todo = new ArrayList<>(List.of(decision));
        while (!todo.isEmpty()) {
            for (Dependency d : chains.incoming(todo.remove(0))) {
                Activity step = d.getBefore();
                if (!step.isFixed() && !step.getBodies().isEmpty() && !chain.contains(step)) {
                    chain.add(step);
                    todo.add(step);
                }
            }
        }
        return chain;
    }

    /** Every hand-made date after the decision that its lags now make too early is moved to the first it allows. */
    private static int followAfter(Chains chains, WorkingCalendar calendar, Activity decision) {
        Set<Activity> moved = new HashSet<>(List.of(decision));
        int count = 0;
        for (Activity activity : chains.order()) {
            for (Dependency d : chains.incoming(activity)) {
                LocalDate allowed = CandidateValues.shift(calendar, d.getBefore().getBaselineDate(), d.getMinLag(), d.getUnit());
                if (moved.contains(d.getBefore()) && !activity.isFixed() && activity.getBaselineDate().isBefore(allowed)) {
                    activity.setBaselineDate(allowed);
                    if (moved.add(activity)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    /** The last working day from {@code first} to {@code last} on the weekday the body usually sits. */
    private static LocalDate newSitting(WorkingCalendar calendar, Body body, LocalDate first, LocalDate last) {
        DayOfWeek usual = body.getSittings().stream().map(LocalDate::getDayOfWeek)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(DayOfWeek.TUESDAY);
        LocalDate fallback = null;
        for (LocalDate day = last; !day.isBefore(first); day = day.minusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                if (day.getDayOfWeek() == usual) {
                    return day;
                }
                fallback = fallback == null ? day : fallback;
            }
        }
        return fallback != null ? fallback : last;
    }


}
