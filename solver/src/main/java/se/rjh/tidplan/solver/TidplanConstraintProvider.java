package se.rjh.tidplan.solver;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.Joiners.equal;
import static ai.timefold.solver.core.api.score.stream.Joiners.filtering;
import static ai.timefold.solver.core.api.score.stream.Joiners.overlapping;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.quad.QuadConstraintStream;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.OfficeHours;
import se.rjh.tidplan.model.WorkingCalendar;
import se.rjh.tidplan.solver.Justifications.AttendeesBodySits;
import se.rjh.tidplan.solver.Justifications.BookedMeetingMoved;
import se.rjh.tidplan.solver.Justifications.BufferMissed;
import se.rjh.tidplan.solver.Justifications.DoubleBooked;
import se.rjh.tidplan.solver.Justifications.FixedMoved;
import se.rjh.tidplan.solver.Justifications.LagMissed;
import se.rjh.tidplan.solver.Justifications.MeetingTimeMoved;
import se.rjh.tidplan.solver.Justifications.MovedFromBaseline;
import se.rjh.tidplan.solver.Justifications.NotASittingDay;
import se.rjh.tidplan.solver.Justifications.NotAWorkingDay;
import se.rjh.tidplan.solver.Justifications.OutsideOfficeHours;
import se.rjh.tidplan.solver.Justifications.OutsideWindow;
import se.rjh.tidplan.solver.Justifications.UnconfirmedSitting;
import se.rjh.tidplan.solver.Justifications.WeekLoad;

/**
 * The rules of the region's calendar. Hard constraints first. Most hard penalties grow with the size of the
 * breach (working days short of a lag, days outside a window or away from a pin, minutes of overlap or outside
 * office hours), so the search is led towards a fix rather than told only yes or no; a day off counts one, a day
 * its bodies do not sit one per absent body. Soft weights come from the dataset's settings.json by constraint
 * name.
 */
public final class TidplanConstraintProvider implements ConstraintProvider {

    public static final String ORDER = "Order with minimum lag";
    public static final String SITTING_DAY = "Sitting day of the body";
    public static final String ATTENDEES_BODY_SITS = "Attendees' own body does not sit";
    public static final String AFTER_FORECAST = "After the forecast it uses";
    public static final String WORKING_DAY = "Working day";
    public static final String WINDOW = "Within window and legal deadline";
    public static final String DOUBLE_BOOKED = "Person in two meetings at once";
    public static final String OFFICE_HOURS = "Meeting inside office hours";
    public static final String FIXED = "Pinned or external activity stays";
    public static final String EVEN_WORKLOAD = "Even workload per unit and week";
    public static final String BUFFER = "Buffer before the next step";
    public static final String BASELINE = "Close to the hand-made date";
    public static final String MEETING_TIME = "Preferred meeting time";
    public static final String CONFIRMED_SITTING = "Decided on a confirmed sitting";
    public static final String BOOKED_MEETING = "Booked meeting stays on its day";

    /** The soft constraints, whose weights a dataset may set. */
    public static final List<String> SOFT = List.of(EVEN_WORKLOAD, BUFFER, BASELINE, MEETING_TIME, CONFIRMED_SITTING,
            BOOKED_MEETING);
    /** Every constraint, hard ones first, in the order a user is shown them. */
    public static final List<String> ALL = List.of(ORDER, SITTING_DAY, ATTENDEES_BODY_SITS, AFTER_FORECAST, WORKING_DAY, WINDOW,
            DOUBLE_BOOKED, OFFICE_HOURS, FIXED, EVEN_WORKLOAD, BUFFER, BASELINE, MEETING_TIME, CONFIRMED_SITTING,
            BOOKED_MEETING);

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                orderWithMinimumLag(factory),
                sittingDayOfTheBody(factory),
                attendeesOwnBodyDoesNotSit(factory),
                afterTheForecast(factory),
                workingDay(factory),
                withinWindow(factory),
                personInTwoMeetings(factory),
                meetingInsideOfficeHours(factory),
                fixedActivityStays(factory),
                evenWorkload(factory),
                bufferBeforeNextStep(factory),
                closeToBaseline(factory),
                preferredMeetingTime(factory),
                decidedOnAConfirmedSitting(factory),
                bookedMeetingStays(factory)
        };
    }

    // A step comes at least its minimum lag after the step before it (RS 7 calendar days before RF).
    Constraint orderWithMinimumLag(ConstraintFactory factory) {
        return lagMissed(factory, dependency -> !dependency.getBefore().isExternal(), ORDER);
    }

    // A matter handled by a body falls on a day every one of its bodies sits.
    Constraint sittingDayOfTheBody(ConstraintFactory factory) {
        return factory.forEach(Activity.class)
                .filter(activity -> activity.countBodiesAbsentOn(activity.getDate()) > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD, activity -> activity.countBodiesAbsentOn(activity.getDate()))
                .justifyWith((activity, score) -> new NotASittingDay(activity,
                        activity.bodiesAbsentOn(activity.getDate()).stream().map(Body::getCode)
                                .collect(Collectors.joining(", "))))
                .asConstraint(SITTING_DAY);
    }

    // A meeting whose participants are a body's members ("RS ledamöter", "HSN presidium") is not on a day that
    // body sits: its members cannot be in both (the planning day of seed 003 and RF, RS, HSN, RUN).
    Constraint attendeesOwnBodyDoesNotSit(ConstraintFactory factory) {
        return factory.forEach(Meeting.class)
                .filter(meeting -> !meeting.getAttendingBodies().isEmpty())
                .join(Body.class, filtering((meeting, body) -> meeting.getAttendingBodies().contains(body.getCode())
                        && body.sitsOn(meeting.getDate())))
                .penalizeLong(HardSoftLongScore.ONE_HARD)
                .justifyWith((meeting, body, score) -> new AttendeesBodySits(meeting, body.getCode()))
                .asConstraint(ATTENDEES_BODY_SITS);
    }

    // Budget work comes after the SKR tax forecast (an external event) it uses.
    Constraint afterTheForecast(ConstraintFactory factory) {
        return lagMissed(factory, dependency -> dependency.getBefore().isExternal(), AFTER_FORECAST);
    }

    // The region's own work falls on Swedish working days; external events are dated by others.
    Constraint workingDay(ConstraintFactory factory) {
        return factory.forEach(Activity.class)
                .filter(activity -> !activity.isExternal())
                .join(WorkingCalendar.class)
                .filter((activity, calendar) -> !calendar.isWorkingDay(activity.getDate()))
                .penalizeLong(HardSoftLongScore.ONE_HARD)
                .justifyWith((activity, calendar, score) -> new NotAWorkingDay(activity,
                        calendar.nonWorkingReason(activity.getDate()).orElse("")))
                .asConstraint(WORKING_DAY);
    }

    // Each activity falls inside its earliest/latest window, which carries the legal deadlines.
    Constraint withinWindow(ConstraintFactory factory) {
        return factory.forEach(Activity.class)
                .filter(activity -> activity.daysOutsideWindow() > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD, Activity::daysOutsideWindow)
                .justifyWith((activity, score) -> new OutsideWindow(activity, activity.daysOutsideWindow()))
                .asConstraint(WINDOW);
    }

    // Nobody (the regional director above all) is in two meetings at once.
    Constraint personInTwoMeetings(ConstraintFactory factory) {
        return factory.forEachUniquePair(Meeting.class,
                        equal(Activity::getDate),
                        overlapping(Meeting::getStartMinute, Meeting::getEndMinute))
                .filter(Meeting::sharesParticipantWith)
                .penalizeLong(HardSoftLongScore.ONE_HARD, TidplanConstraintProvider::overlapMinutes)
                .justifyWith((first, second, score) -> new DoubleBooked(first, second))
                .asConstraint(DOUBLE_BOOKED);
    }

    // A meeting lies inside office hours.
    Constraint meetingInsideOfficeHours(ConstraintFactory factory) {
        return factory.forEach(Meeting.class)
                .join(OfficeHours.class)
                .filter((meeting, hours) -> !hours.contains(meeting.getStart(), meeting.getEnd()))
                .penalizeLong(HardSoftLongScore.ONE_HARD, TidplanConstraintProvider::minutesOutside)
                .justifyWith((meeting, hours, score) -> new OutsideOfficeHours(meeting,
                        hours.start() + "-" + hours.end()))
                .asConstraint(OFFICE_HOURS);
    }

    // A pinned activity or an external event stays on its own date and time.
    Constraint fixedActivityStays(ConstraintFactory factory) {
        return factory.forEach(Activity.class)
                .filter(activity -> activity.isFixed() && !activity.isAtBaseline())
                .penalizeLong(HardSoftLongScore.ONE_HARD, activity -> Math.max(1, activity.daysFromBaseline()))
                .justifyWith((activity, score) -> new FixedMoved(activity))
                .asConstraint(FIXED);
    }

    // No unit gets a pile of deadlines in one week while other weeks are empty: the sum of squared weekly
    // loads is least when the load is spread evenly, and it stays cheap to update when one activity moves.
    // Weak weeks (summer, Christmas) weigh heavier.
    Constraint evenWorkload(ConstraintFactory factory) {
        return factory.forEach(Activity.class)
                .filter(activity -> !activity.getUnit().isEmpty())
                .groupBy(Activity::getUnit, Activity::getWeek, count())
                .join(WorkingCalendar.class)
                .penalizeLong(HardSoftLongScore.ONE_SOFT,
                        (unit, week, load, calendar) -> (long) load * load * calendar.weekWeight(week))
                .justifyWith((unit, week, load, calendar, score) -> new WeekLoad(unit, week, load,
                        calendar.isWeakWeek(week)))
                .asConstraint(EVEN_WORKLOAD);
    }

    // A few days of slack before the next step where the process wants it (MBL negotiation, preparation).
    Constraint bufferBeforeNextStep(ConstraintFactory factory) {
        return placedDependencies(factory, dependency -> dependency.getBuffer() > 0)
                .filter((dependency, before, after, calendar) -> dependency.bufferShortfall(calendar) > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT,
                        (dependency, before, after, calendar) -> dependency.bufferShortfall(calendar))
                .justifyWith((dependency, before, after, calendar, score) ->
                        new BufferMissed(dependency, dependency.bufferShortfall(calendar)))
                .asConstraint(BUFFER);
    }

    // The calendar stays recognisable: every day an activity moves from its hand-made date costs.
    Constraint closeToBaseline(ConstraintFactory factory) {
        return factory.forEach(Activity.class)
                .filter(activity -> activity.daysFromBaseline() > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, Activity::daysFromBaseline)
                .justifyWith((activity, score) -> new MovedFromBaseline(activity, activity.daysFromBaseline()))
                .asConstraint(BASELINE);
    }

    // A meeting keeps the time it was wanted at, counted in started quarter-hours away from it.
    Constraint preferredMeetingTime(ConstraintFactory factory) {
        return factory.forEach(Meeting.class)
                .filter(meeting -> meeting.minutesFromPreferredStart() > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, meeting -> (meeting.minutesFromPreferredStart() + 14) / 15)
                .justifyWith((meeting, score) -> new MeetingTimeMoved(meeting, meeting.minutesFromPreferredStart()))
                .asConstraint(MEETING_TIME);
    }

    // A decision falls on a sitting the Tidplan or a protocol gives rather than one still to be confirmed
    // (assumed, to confirm, added): one penalty for each of its bodies whose sitting that day is unconfirmed.
    Constraint decidedOnAConfirmedSitting(ConstraintFactory factory) {
        return factory.forEach(Activity.class)
                .filter(activity -> activity.countUnconfirmedSittingsOn(activity.getDate()) > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, activity -> activity.countUnconfirmedSittingsOn(activity.getDate()))
                .justifyWith((activity, score) -> new UnconfirmedSitting(activity, activity.getBodies().stream()
                        .filter(body -> body.sitsOn(activity.getDate()) && body.getSitting(activity.getDate()).toConfirm())
                        .map(body -> body.getCode() + " " + body.getSitting(activity.getDate()).describe())
                        .collect(Collectors.joining("; "))))
                .asConstraint(CONFIRMED_SITTING);
    }

    // A meeting booked with named people stays on the day it was booked for: moving it at all costs (rebooking
    // everyone), on top of the days it moves, so it moves for a rule and not to even out a week.
    Constraint bookedMeetingStays(ConstraintFactory factory) {
        return factory.forEach(Activity.class)
                .filter(Activity::isBookedMeetingMoved)
                .penalizeLong(HardSoftLongScore.ONE_SOFT)
                .justifyWith((activity, score) -> new BookedMeetingMoved(activity))
                .asConstraint(BOOKED_MEETING);
    }

    private static Constraint lagMissed(ConstraintFactory factory, Predicate<Dependency> which, String name) {
        return placedDependencies(factory, which)
                .filter((dependency, before, after, calendar) -> dependency.lagShortfall(calendar) > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD,
                        (dependency, before, after, calendar) -> dependency.lagShortfall(calendar))
                .justifyWith((dependency, before, after, calendar, score) ->
                        new LagMissed(dependency, dependency.lagShortfall(calendar)))
                .asConstraint(name);
    }

    /**
     * The dependencies with both activities placed, joined to the activities so that moving either one
     * re-evaluates the pair, and to the calendar that counts their lag.
     */
    private static QuadConstraintStream<Dependency, Activity, Activity, WorkingCalendar> placedDependencies(
            ConstraintFactory factory, Predicate<Dependency> which) {
        return factory.forEach(Dependency.class)
                .filter(which)
                .join(Activity.class, equal(Dependency::getBefore, Function.identity()))
                .join(Activity.class, equal((dependency, before) -> dependency.getAfter(), Function.identity()))
                .join(WorkingCalendar.class);
    }

    private static long overlapMinutes(Meeting first, Meeting second) {
        return Math.min(first.getEndMinute(), second.getEndMinute())
                - Math.max(first.getStartMinute(), second.getStartMinute());
    }

    private static long minutesOutside(Meeting meeting, OfficeHours hours) {
        int start = meeting.getStartMinute();
        int end = meeting.getEndMinute();
        int open = hours.start().toSecondOfDay() / 60;
        int close = hours.end().toSecondOfDay() / 60;
        return Math.max(0, open - start) + Math.max(0, end - close);
    }
}
