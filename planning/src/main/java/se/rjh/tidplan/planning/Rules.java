package se.rjh.tidplan.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.planning.words.Words;
import se.rjh.tidplan.solver.Justifications;
import se.rjh.tidplan.solver.TidplanSolver;

/**
 * The rules a calendar is held to, as the front ends show them: the order they are listed in, and what each broken
 * rule says (in English for the command line, as a phrase for the planners' words). The front ends read the solver's
 * analysis through here, never the solver itself.
 */
public final class Rules {

    private Rules() {
    }

    /** The rules of an analysis in the order a user is shown them: hard first. */
    public static List<ConstraintAnalysis<HardSoftLongScore>> inOrder(ScoreAnalysis<HardSoftLongScore> analysis) {
        return TidplanSolver.inOrder(analysis);
    }

    /** Whether a rule is hard (a calendar that breaks it cannot be used). */
    public static boolean isHard(ConstraintAnalysis<HardSoftLongScore> constraint) {
        return TidplanSolver.isHard(constraint);
    }

    /**
     * What a broken rule says, in a sentence for the command line ({@code description}) and as a phrase for the
     * planners ({@code phrase}), and the activities it is about.
     */
    public record Finding(String description, Phrase phrase, List<String> activityIds) {

        /**
         * Whether every activity it is about lies before {@code today} in {@code dates} (activity Id to date): a break
         * of the frozen past, which happened and is no one's to re-plan.
         */
        public boolean inThePast(Map<String, LocalDate> dates, LocalDate today) {
            return activityIds.stream().allMatch(id -> dates.get(id).isBefore(today));
        }
    }

    /** The finding of one match of a rule. */
    public static Finding finding(MatchAnalysis<HardSoftLongScore> match) {
        return of((Justifications.Finding) match.justification());
    }

    static Finding of(Justifications.Finding finding) {
        return new Finding(finding.description(), phrase(finding), finding.activityIds());
    }

    /** The solver's justification as a phrase: the same facts as its English sentence. */
    private static Phrase phrase(Justifications.Finding finding) {
        if (finding instanceof Justifications.LagMissed lag) {
            Dependency d = lag.dependency();
            return Phrase.of(Text.FINDING_LAG_MISSED, at(d.getAfter()), Words.days(d.getUnit(), lag.shortfall()),
                    at(d.getBefore()), Words.days(d.getUnit(), d.getMinLag()), reason(d.getReason()));
        }
        if (finding instanceof Justifications.NotASittingDay sitting) {
            return Phrase.of(Text.FINDING_NOT_A_SITTING_DAY, at(sitting.activity()), sitting.bodies());
        }
        if (finding instanceof Justifications.NotAWorkingDay dayOff) {
            return Phrase.of(Text.FINDING_NOT_A_WORKING_DAY, at(dayOff.activity()), Words.dayOff(dayOff.reason()));
        }
        if (finding instanceof Justifications.OutsideWindow window) {
            Activity a = window.activity();
            boolean early = a.getEarliest() != null && a.getDate().isBefore(a.getEarliest());
            return Phrase.of(early ? Text.FINDING_BEFORE_EARLIEST : Text.FINDING_AFTER_LATEST, at(a),
                    Words.days(LagUnit.CALENDAR_DAYS, window.days()),
                    early ? a.getEarliest() : a.getLatest(), reason(a.getNote()));
        }
        if (finding instanceof Justifications.DoubleBooked twice) {
            return Phrase.of(Text.FINDING_DOUBLE_BOOKED, at(twice.first()), at(twice.second()));
        }
        if (finding instanceof Justifications.OutsideOfficeHours hours) {
            return Phrase.of(Text.FINDING_OUTSIDE_OFFICE_HOURS, at(hours.meeting()), hours.hours());
        }
        if (finding instanceof Justifications.FixedMoved fixed) {
            Activity a = fixed.activity();
            return Phrase.of(a.isExternal() ? Text.FINDING_EXTERNAL_MOVED : Text.FINDING_PINNED_MOVED, at(a),
                    a.getBaselineDate() + (a instanceof Meeting meeting ? " " + meeting.getPreferredStart() : ""));
        }
        if (finding instanceof Justifications.WeekLoad load) {
            return Phrase.of(load.weak() ? Text.FINDING_WEAK_WEEK_LOAD : Text.FINDING_WEEK_LOAD, load.unit(),
                    Phrase.of(Text.COUNT_ACTIVITIES, load.activities()), load.week());
        }
        if (finding instanceof Justifications.BufferMissed buffer) {
            Dependency d = buffer.dependency();
            return Phrase.of(Text.FINDING_BUFFER_MISSED, at(d.getAfter()), Words.days(d.getUnit(), buffer.shortfall()),
                    at(d.getBefore()), reason(d.getReason()));
        }
        if (finding instanceof Justifications.MovedFromBaseline moved) {
            return Phrase.of(Text.FINDING_MOVED_FROM_BASELINE, at(moved.activity()),
                    Words.days(LagUnit.CALENDAR_DAYS, moved.days()), moved.activity().getBaselineDate());
        }
        if (finding instanceof Justifications.MeetingTimeMoved time) {
            return Phrase.of(Text.FINDING_MEETING_TIME_MOVED, at(time.meeting()), time.minutes(),
                    time.meeting().getPreferredStart());
        }
        if (finding instanceof Justifications.UnconfirmedSitting unconfirmed) {
            // The bodies and where their day comes from; a sitting's note is the dataset's own, not said here.
            Activity a = unconfirmed.activity();
            List<Phrase> sittings = a.getBodies().stream().filter(b -> b.sitsOn(a.getDate()) && b.getSitting(a.getDate()).toConfirm())
                    .map(b -> Phrase.of(Text.FINDING_UNCONFIRMED_BODY, b.getCode(),
                            Words.source(b.getSitting(a.getDate()).source().orElseThrow())))
                    .toList();
            return Phrase.of(Text.FINDING_UNCONFIRMED_SITTING, at(a), sittings);
        }
        if (finding instanceof Justifications.BookedMeetingMoved booked) {
            return Phrase.of(Text.FINDING_BOOKED_MEETING_MOVED, at(booked.meeting()), booked.meeting().getBaselineDate());
        }
        if (finding instanceof Justifications.AttendeesBodySits sits) {
            return Phrase.of(Text.FINDING_ATTENDEES_BODY_SITS, at(sits.meeting()), sits.body());
        }
        throw new IllegalArgumentException("no words for the finding " + finding.getClass().getSimpleName());
    }

    /** An activity, its name and its date (and time): what a finding is about. */
    private static Phrase at(Activity a) {
        return a.getStart() == null ? Phrase.of(Text.ACTIVITY_AT, a.getId(), a.getName(), a.getDate())
                : Phrase.of(Text.ACTIVITY_AT_TIME, a.getId(), a.getName(), a.getDate(), a.getStart(), a.getEnd());
    }

    /** " (why)" after a sentence, or nothing when there is no why. */
    private static Object reason(String why) {
        return why.isEmpty() ? "" : Phrase.of(Text.WITH_REASON, why);
    }
}
