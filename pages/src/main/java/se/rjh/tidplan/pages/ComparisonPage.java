package se.rjh.tidplan.pages;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.IsoFields;
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.planning.CalendarComparison;
import se.rjh.tidplan.planning.CalendarComparison.Comparison;
import se.rjh.tidplan.planning.words.Text;

/**
 * The comparison as one HTML page in the planners' words (the bundle's), with no outside resources: it opens the same
 * offline and printed. The markup is {@code comparison.jte}.
 */
public final class ComparisonPage {

    /** The page as the template reads it: {@code sideA} and {@code sideB} each calendar with its score in words. */
    record View(String fileA, String fileB, String sideA, String sideB, List<Rule> rules, List<Move> moves,
            List<WeekLoad> workload) {
    }

    /** A rule's penalty points in A and B; {@code classes} mark the difference worse or better. */
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
        return Templates.render("comparison.jte", new View(c.fileA(), c.fileB(),
                Labels.say(Text.COMPARISON_SIDE, "A", c.fileA(), Labels.score(c.scoreA())),
                Labels.say(Text.COMPARISON_SIDE, "B", c.fileB(), Labels.score(c.scoreB())),
                c.rules().stream().map(ComparisonPage::rule).toList(),
                c.moves().stream().map(ComparisonPage::move).toList(),
                c.workload().stream().map(ComparisonPage::weekLoad).toList()));
    }

    private static Rule rule(CalendarComparison.RuleDifference r) {
        String classes = r.difference().equals(HardSoftLongScore.ZERO) ? "num" : r.worse() ? "num worse" : "num better";
        return new Rule(Labels.rule(r.constraint()), Labels.say(Text.POINTS, Labels.points(r.scoreA())),
                Labels.say(Text.POINTS, Labels.points(r.scoreB())), Labels.say(Text.POINTS_SIGNED, Labels.points(r.difference())),
                classes);
    }

    private static Move move(CalendarComparison.Move m) {
        return new Move(m.id(), m.name(), when(m.dateA(), m.startA()), when(m.dateB(), m.startB()),
                String.format("%+d", m.days()));
    }

    private static String when(LocalDate date, LocalTime start) {
        return date + (start == null ? "" : " " + start);
    }

    private static WeekLoad weekLoad(CalendarComparison.WeekLoadChange w) {
        return new WeekLoad(w.unit(), Labels.say(Text.WEEK_OF_YEAR, w.week().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                w.week().get(IsoFields.WEEK_BASED_YEAR), w.week()), w.activitiesA(), w.activitiesB(),
                w.activitiesA() != w.activitiesB() ? "font-weight:bold" : null);
    }
}
