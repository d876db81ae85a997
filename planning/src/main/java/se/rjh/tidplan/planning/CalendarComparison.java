package se.rjh.tidplan.planning;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.solver.TidplanConstraintProvider;

/**
 * Two calendars side by side, each scored under its own dataset's rules: score per rule and the difference, what
 * moved, each unit's weekly load.
 */
public final class CalendarComparison {

    /** One rule's score in A and B, and B minus A (Timefold's {@code ScoreAnalysis.diff}). */
    public record RuleDifference(String constraint, HardSoftLongScore scoreA, HardSoftLongScore scoreB,
            HardSoftLongScore difference) {

        /** B breaks the rule more, or pays more for it, than A. */
        public boolean worse() {
            return difference.compareTo(HardSoftLongScore.ZERO) < 0;
        }
    }

    public record Move(String id, String name, LocalDate dateA, LocalDate dateB, LocalTime startA, LocalTime startB,
            long days) {
    }

    /** A unit's number of activities in one week, in A and in B. */
    public record WeekLoadChange(String unit, LocalDate week, long activitiesA, long activitiesB) {
    }

    public record Comparison(String fileA, String fileB, HardSoftLongScore scoreA, HardSoftLongScore scoreB,
            List<RuleDifference> rules,
            List<Move> moves, List<WeekLoadChange> workload, List<String> notes) {

        public boolean identical() {
            return moves.isEmpty() && scoreA.equals(scoreB);
        }
    }

    private CalendarComparison() {
    }

    public static Comparison compare(CalendarExplainer.Scored a, CalendarExplainer.Scored b) {
        ScoreAnalysis<HardSoftLongScore> diff = b.analysis().diff(a.analysis());
        List<RuleDifference> rules = new ArrayList<>();
        for (String name : TidplanConstraintProvider.ALL) {
            ConstraintAnalysis<HardSoftLongScore> inA = a.analysis().getConstraintAnalysis(name);
            ConstraintAnalysis<HardSoftLongScore> inB = b.analysis().getConstraintAnalysis(name);
            ConstraintAnalysis<HardSoftLongScore> delta = diff.getConstraintAnalysis(name);
            rules.add(new RuleDifference(name, score(inA), score(inB), score(delta)));
        }
        Map<String, Activity> inA = byId(a);
        List<Move> moves = new ArrayList<>();
        for (Activity activityB : b.schedule().getActivities()) {
            Activity activityA = inA.get(activityB.getId());
            if (activityA != null && (!activityA.getDate().equals(activityB.getDate())
                    || !Objects.equals(activityA.getStart(), activityB.getStart()))) {
                moves.add(new Move(activityB.getId(), activityB.getName(), activityA.getDate(), activityB.getDate(),
                        activityA.getStart(), activityB.getStart(),
                        ChronoUnit.DAYS.between(activityA.getDate(), activityB.getDate())));
            }
        }
        moves.sort(Comparator.comparing(Move::dateA).thenComparing(Move::id));
        List<String> notes = new ArrayList<>();
        a.notes().forEach(n -> notes.add("A: " + n));
        b.notes().forEach(n -> notes.add("B: " + n));
        return new Comparison(a.file(), b.file(), a.analysis().score(), b.analysis().score(),
                rules, moves, workload(a, b), notes);
    }

    private static HardSoftLongScore score(ConstraintAnalysis<HardSoftLongScore> analysis) {
        return analysis == null ? HardSoftLongScore.ZERO : analysis.score();
    }

    private static Map<String, Activity> byId(CalendarExplainer.Scored scored) {
        return scored.schedule().getActivities().stream().collect(Collectors.toMap(Activity::getId, Function.identity()));
    }

    /** Every unit's activities per ISO week (by its Monday), in both calendars. */
    private static List<WeekLoadChange> workload(CalendarExplainer.Scored a, CalendarExplainer.Scored b) {
        Map<String, SortedMap<LocalDate, Long>> loadA = a.schedule().weeklyLoads();
        Map<String, SortedMap<LocalDate, Long>> loadB = b.schedule().weeklyLoads();
        TreeSet<String> units = new TreeSet<>(loadA.keySet());
        units.addAll(loadB.keySet());
        List<WeekLoadChange> rows = new ArrayList<>();
        for (String unit : units) {
            Map<LocalDate, Long> inA = loadA.getOrDefault(unit, new TreeMap<>());
            Map<LocalDate, Long> inB = loadB.getOrDefault(unit, new TreeMap<>());
            TreeSet<LocalDate> weeks = new TreeSet<>(inA.keySet());
            weeks.addAll(inB.keySet());
            for (LocalDate week : weeks) {
                rows.add(new WeekLoadChange(unit, week, inA.getOrDefault(week, 0L), inB.getOrDefault(week, 0L)));
            }
        }
        return rows;
    }
}
