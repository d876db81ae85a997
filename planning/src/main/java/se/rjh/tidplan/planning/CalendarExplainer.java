package se.rjh.tidplan.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.CalendarRow;
import se.rjh.tidplan.data.read.RepeatedMatters;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Words;
import se.rjh.tidplan.solver.Justifications;
import se.rjh.tidplan.solver.TidplanSolver;

/**
 * Scores a calendar as it is, against a dataset's rules, with the solver's own constraints and Timefold's
 * score analysis: what {@code explain} says is exactly what {@code solve} optimises.
 */
public final class CalendarExplainer {

    /**
     * One broken rule or one cost, in words: English for the command line ({@code description}, as its JSON has it) and
     * a phrase for the planners' words.
     */
    public record Violation(String constraint, boolean hard, long penalty, List<String> activities, String description,
            @JsonIgnore Phrase phrase) {
    }

    /** A rule's matches and score over the whole calendar. */
    public record Total(String constraint, boolean hard, int matches, HardSoftLongScore score) {
    }

    /** A unit's week, with how far it is above the unit's average week. */
    public record HeavyWeek(String unit, LocalDate week, int activities, double unitAverage, boolean weak) {
    }

    /** The Tidplan's own comment on a row ("Kommentar"), shown with the row it belongs to. */
    public record Comment(String activity, String name, LocalDate date, String comment) {
    }

    public record Explanation(String file, HardSoftLongScore score, boolean feasible, long hardPenalty, long softPenalty,
            List<Violation> violations, List<Total> totals, List<HeavyWeek> heaviestWeeks, List<Comment> comments,
            List<String> notes) {

        /** The same explanation with every broken rule described in {@code words} (the planners' pages). */
        public Explanation in(Words words) {
            List<Violation> said = violations.stream().map(v -> new Violation(v.constraint(), v.hard(), v.penalty(),
                    v.activities(), words.say(v.phrase()), v.phrase())).toList();
            return new Explanation(file, score, feasible, hardPenalty, softPenalty, said, totals, heaviestWeeks, comments,
                    notes);
        }
    }

    private static final int HEAVY_WEEKS_SHOWN = 5;

    private CalendarExplainer() {
    }

    /** A calendar placed on a dataset and scored. */
    public record Scored(String file, Schedule schedule, ScoreAnalysis<HardSoftLongScore> analysis, List<String> notes) {
    }

    /** Places the calendar's dates on the dataset's activities (which it changes) and scores them. */
    public static Scored score(Dataset dataset, CalendarFile.Content content) {
        Schedule schedule = dataset.schedule();
        List<String> notes = new ArrayList<>();
        place(schedule, content, notes);
        return new Scored(content.file(), schedule, TidplanSolver.analyze(schedule), notes);
    }

    public static Explanation explain(Dataset dataset, CalendarFile.Content content) {
        Scored scored = score(dataset, content);
        return describe(scored.file(), scored.schedule(), scored.analysis(), scored.notes());
    }

    /** Puts every activity on the calendar's date and time; an activity the calendar lacks stays at its baseline. */
    private static void place(Schedule schedule, CalendarFile.Content content, List<String> notes) {
        Map<Activity, CalendarRow> matched = CalendarMatch.match(schedule, content, notes);
        // A matter twice in one body, as the dataset reads the calendar's rows (a row it splits into one
        // decision per body is not a repetition).
        notes.addAll(0, RepeatedMatters.find(schedule.getActivities().stream().filter(matched::containsKey)
                .map(a -> new RepeatedMatters.Step(content.file() + ":" + matched.get(a).line(), a.getId(), a.getName(),
                        a.getYearInFocus(), a.getBodies().stream().map(se.rjh.tidplan.model.Body::getCode).toList(), matched.get(a).date()))
                .toList()));
        for (Activity activity : schedule.getActivities()) {
            CalendarRow row = matched.get(activity);
            LocalDate date = row != null ? row.date() : activity.getBaselineDate();
            if (row != null && !row.comment().isEmpty()) {
                activity.setComment(row.comment());
            }
            if (date == null) {
                continue; // no date anywhere: it keeps the solver's starting date
            }
            // A hand-made calendar may use a day the solver would never offer (a Sunday); Timefold checks
            // that a value lies in its range, so the range is widened to hold it. Nothing is solved here.
            activity.setCandidateDates(with(activity.getCandidateDates(), date));
            activity.setDate(date);
            if (activity instanceof Meeting meeting && row != null && row.start() != null) {
                meeting.setCandidateStarts(with(meeting.getCandidateStarts(), row.start()));
                meeting.setStart(row.start());
            }
        }
        for (Activity activity : schedule.getActivities()) {
            if (activity.isExternal()) {
                schedule.getCalendar().nonWorkingReason(activity.getDate()).ifPresent(reason -> notes.add(activity.getId()
                        + " (" + activity.getName() + ") is on " + activity.getDate() + ", a " + reason
                        + "; it is an external date and is not the region's to move"));
            }
        }
    }

    private static <T> List<T> with(List<T> values, T value) {
        if (values.contains(value)) {
            return values;
        }
        List<T> wider = new ArrayList<>(values);
        wider.add(value);
        return wider;
    }

    private static Explanation describe(String file, Schedule schedule, ScoreAnalysis<HardSoftLongScore> analysis,
            List<String> notes) {
        List<Violation> violations = new ArrayList<>();
        List<Total> totals = new ArrayList<>();
        List<Justifications.WeekLoad> weeks = new ArrayList<>();
        List<ConstraintAnalysis<HardSoftLongScore>> constraints = TidplanSolver.inOrder(analysis);
        for (ConstraintAnalysis<HardSoftLongScore> constraint : constraints) {
            boolean hard = TidplanSolver.isHard(constraint);
            totals.add(new Total(constraint.constraintName(), hard, constraint.matchCount(), constraint.score()));
            for (MatchAnalysis<HardSoftLongScore> match : constraint.matches()) {
                if (match.justification() instanceof Justifications.WeekLoad week) {
                    weeks.add(week);
                } else if (match.justification() instanceof Justifications.Finding justification) {
                    long penalty = hard ? -match.score().hardScore() : -match.score().softScore();
                    Rules.Finding finding = Rules.of(justification);
                    violations.add(new Violation(constraint.constraintName(), hard, penalty, finding.activityIds(),
                            finding.description(), finding.phrase()));
                }
            }
        }
        Map<String, LocalDate> dates = schedule.getActivities().stream()
                .collect(Collectors.toMap(Activity::getId, Activity::getDate));
        violations.sort(Comparator.comparing(Violation::hard).reversed()
                .thenComparing(v -> v.activities().isEmpty() ? LocalDate.MIN : dates.get(v.activities().get(0)))
                .thenComparing(v -> String.join(",", v.activities())).thenComparing(Violation::constraint));
        List<Comment> comments = schedule.getActivities().stream().filter(a -> !a.getComment().isEmpty())
                .sorted(Comparator.comparing(Activity::getDate).thenComparing(Activity::getId))
                .map(a -> new Comment(a.getId(), a.getName(), a.getDate(), a.getComment())).toList();
        HardSoftLongScore score = analysis.score();
        return new Explanation(file, score, score.isFeasible(), -score.hardScore(), -score.softScore(),
                violations, totals, heaviestWeeks(weeks), comments, notes);
    }

    /** The weeks with the most activities for their unit, against the unit's average over its active weeks. */
    private static List<HeavyWeek> heaviestWeeks(List<Justifications.WeekLoad> weeks) {
        Map<String, Double> average = weeks.stream().collect(Collectors.groupingBy(Justifications.WeekLoad::unit,
                Collectors.averagingInt(Justifications.WeekLoad::activities)));
        return weeks.stream()
                .sorted(Comparator.comparingDouble((Justifications.WeekLoad w) -> w.activities() - average.get(w.unit()))
                        .reversed().thenComparing(Justifications.WeekLoad::week))
                .limit(HEAVY_WEEKS_SHOWN)
                .map(w -> new HeavyWeek(w.unit(), w.week(), w.activities(),
                        Math.round(average.get(w.unit()) * 10) / 10.0, w.weak()))
                .toList();
    }
}
