package se.rjh.tidplan.pages;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.IsoFields;
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.planning.CalendarComparison;
import se.rjh.tidplan.planning.CalendarComparison.Comparison;

/**
 * The comparison as one HTML page in Swedish with no outside resources: it opens the same offline and printed.
 * The markup is {@code comparison.jte}.
 */
public final class ComparisonPage {

    /** The page as the template reads it. */
    record View(String fileA, String fileB, String scoreA, String scoreB, List<Rule> rules, List<Move> moves,
            List<WeekLoad> workload) {
    }

    /** A rule's score in A and B; {@code classes} mark the difference worse or better. */
    record Rule(String name, String scoreA, String scoreB, String difference, String classes) {
    }

    /** An activity that moved: its date (and time) in A and in B, and by how many days. */
    record Move(String id, String name, String inA, String inB, String days) {
    }

    /** A unit's activities in one week in A and in B; {@code style} bold where they differ, else null (none). */
    record WeekLoad(String unit, String week, long inA, long inB, String style) {
    }

    private ComparisonPage() {
    }

    public static void write(Comparison comparison, Path target) {
        Templates.write(render(comparison), target);
    }

    public static String render(Comparison c) {
        return Templates.render("comparison.jte", new View(c.fileA(), c.fileB(), c.scoreA().toString(),
                c.scoreB().toString(), c.rules().stream().map(ComparisonPage::rule).toList(),
                c.moves().stream().map(ComparisonPage::move).toList(),
                c.workload().stream().map(ComparisonPage::weekLoad).toList()));
    }

    private static Rule rule(CalendarComparison.RuleDifference r) {
        String classes = r.difference().equals(HardSoftLongScore.ZERO) ? "num" : r.worse() ? "num worse" : "num better";
        return new Rule(Labels.rule(r.constraint()), r.scoreA().toString(), r.scoreB().toString(),
                r.difference().toString(), classes);
    }

    private static Move move(CalendarComparison.Move m) {
        return new Move(m.id(), m.name(), when(m.dateA(), m.startA()), when(m.dateB(), m.startB()),
                String.format("%+d", m.days()));
    }

    private static String when(LocalDate date, LocalTime start) {
        return date + (start == null ? "" : " " + start);
    }

    private static WeekLoad weekLoad(CalendarComparison.WeekLoadChange w) {
        return new WeekLoad(w.unit(), "v. " + w.week().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " "
                + w.week().get(IsoFields.WEEK_BASED_YEAR) + " (" + w.week() + ")", w.activitiesA(), w.activitiesB(),
                w.activitiesA() != w.activitiesB() ? "font-weight:bold" : null);
    }
}
