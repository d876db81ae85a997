package se.rjh.tidplan.planning;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.CalendarRow;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.BestScore;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.Sitting;
import se.rjh.tidplan.model.SittingSource;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.planning.words.Words;
import se.rjh.tidplan.solver.TidplanConstraintProvider;
import se.rjh.tidplan.solver.TidplanSolver;
import se.rjh.tidplan.solver.search.CandidateValues;
import se.rjh.tidplan.solver.search.Preparation;

/**
 * Re-plans a calendar after a date has moved: everything before today is frozen, every other activity
 * starts where the calendar has it and moving it costs (more the further). By default the re-plan is a minimal
 * repair, as {@code solve --repair}: only what the change forces moves, and what its chain forces along with it, as
 * little as it can; asked to improve the rest, it also moves what the soft goals gain from. Says for every move
 * why it was made, and whether it was forced or chosen.
 */
public final class Replanner {

    /**
     * A change to the rules the calendar was made under. In JSON (the workspace's API and history) a change is an
     * object tagged with its kind: {@code {"type":"moveSitting","body":"RS","from":"2021-06-07","to":"2021-06-08"}}.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = MoveSitting.class, name = "moveSitting"),
            @JsonSubTypes.Type(value = CancelSitting.class, name = "cancelSitting"),
            @JsonSubTypes.Type(value = AddSitting.class, name = "addSitting"),
            @JsonSubTypes.Type(value = MoveForecast.class, name = "moveForecast"),
            @JsonSubTypes.Type(value = Pin.class, name = "pin"),
            @JsonSubTypes.Type(value = Unpin.class, name = "unpin")})
    public sealed interface Change permits MoveSitting, CancelSitting, AddSitting, MoveForecast, Pin, Unpin {
        /** Applies the change; returns the activities it moves itself (a forecast, a pinned activity). */
        List<Activity> apply(Schedule schedule, LocalDate today);

        /** The change in a sentence for the command line. */
        String describe();

        /** The change, for the planners' workspace and its history, to be said in their words. */
        Phrase phrase();
    }

    /** Every part of a change is given: a change read from JSON without one is refused before it is applied. */
    private static <T> T given(T value, String part) {
        return Objects.requireNonNull(value, () -> "the change has no " + part);
    }

    /** A body's sitting moves: {@code RF:2021-06-21=2021-06-14}. */
    public record MoveSitting(String body, LocalDate from, LocalDate to) implements Change {
        public MoveSitting {
            given(body, "body");
            given(from, "from");
            given(to, "to");
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.CHANGE_MOVE_SITTING, body, to, from);
        }

        @Override
        public List<Activity> apply(Schedule schedule, LocalDate today) {
            return changeSittings(schedule, today, this, body, from, to);
        }

        @Override
        public String describe() {
            return body + " sits on " + to + " instead of " + from;
        }
    }

    /** A body's sitting is cancelled: {@code RS:2021-06-07}. */
    public record CancelSitting(String body, LocalDate date) implements Change {
        public CancelSitting {
            given(body, "body");
            given(date, "date");
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.CHANGE_CANCEL_SITTING, body, date);
        }

        @Override
        public List<Activity> apply(Schedule schedule, LocalDate today) {
            return changeSittings(schedule, today, this, body, date, null);
        }

        @Override
        public String describe() {
            return body + " does not sit on " + date;
        }
    }

    /** A body gets an extra sitting: {@code RF:2021-06-28}. */
    public record AddSitting(String body, LocalDate date) implements Change {
        public AddSitting {
            given(body, "body");
            given(date, "date");
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.CHANGE_ADD_SITTING, body, date);
        }

        @Override
        public List<Activity> apply(Schedule schedule, LocalDate today) {
            return changeSittings(schedule, today, this, body, null, date);
        }

        @Override
        public String describe() {
            return body + " also sits on " + date;
        }
    }

    /** SKR publishes a forecast on another day: {@code 2021-04-29=2021-05-04}. */
    public record MoveForecast(LocalDate from, LocalDate to) implements Change {
        public MoveForecast {
            given(from, "from");
            given(to, "to");
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.CHANGE_MOVE_FORECAST, from, to);
        }

        @Override
        public List<Activity> apply(Schedule schedule, LocalDate today) {
            requireFuture(today, to, this);
            Activity forecast = schedule.getActivities().stream()
                    .filter(a -> a.isExternal() && from.equals(a.getBaselineDate())).findFirst()
                    .orElseThrow(() -> new InvalidChange(this, "no external event (SKR forecast) on " + from,
                            Phrase.of(Text.INVALID_NO_FORECAST, from)));
            forecast.setBaselineDate(to);
            return List.of(forecast);
        }

        @Override
        public String describe() {
            return "the forecast of " + from + " comes on " + to;
        }
    }

    /** An activity is fixed on a date: {@code RP22-RF=2021-06-14}. */
    public record Pin(String id, LocalDate date) implements Change {
        public Pin {
            given(id, "id");
            given(date, "date");
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.CHANGE_PIN, id, date);
        }

        @Override
        public List<Activity> apply(Schedule schedule, LocalDate today) {
            requireFuture(today, date, this);
            requireInHorizon(schedule, date, this);
            Activity activity = activity(schedule, id, this);
            // A pin is honest: a day that breaks a hard rule of the activity's own is refused with the rule.
            if (!activity.isExternal()) {
                requireWorkingDay(schedule, date, this);
            }
            List<Body> absent = activity.bodiesAbsentOn(date);
            if (!absent.isEmpty()) {
                String bodies = absent.stream().map(Body::getCode).collect(Collectors.joining(", "));
                throw new InvalidChange(this, bodies + " does not sit on " + date + ", and " + id + " is handled at its sitting",
                        Phrase.of(Text.INVALID_BODIES_DO_NOT_SIT, bodies, date, id));
            }
            if (activity.getEarliest() != null && date.isBefore(activity.getEarliest())
                    || activity.getLatest() != null && date.isAfter(activity.getLatest())) {
                throw new InvalidChange(this, date + " is outside " + id + "'s window " + activity.getEarliest() + " .. "
                        + activity.getLatest(), Phrase.of(Text.INVALID_OUTSIDE_WINDOW, date, id, activity.getEarliest(),
                                activity.getLatest()));
            }
            activity.setBaselineDate(date);
            activity.setPinned(true);
            return List.of(activity);
        }

        @Override
        public String describe() {
            return id + " is pinned on " + date;
        }
    }

    /** A pinned activity is let go: the search may move it again (its date stays what it is now, its baseline). */
    public record Unpin(String id) implements Change {
        public Unpin {
            given(id, "id");
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.CHANGE_UNPIN, id);
        }

        @Override
        public List<Activity> apply(Schedule schedule, LocalDate today) {
            Activity activity = activity(schedule, id, this);
            if (!activity.isPinned()) {
                throw new InvalidChange(this, id + " is not pinned", Phrase.of(Text.INVALID_NOT_PINNED, id));
            }
            if (activity.getBaselineDate() != null && activity.getBaselineDate().isBefore(today)) {
                throw new InvalidChange(this, id + " is on " + activity.getBaselineDate() + ", before today " + today
                        + "; the past is frozen", Phrase.of(Text.INVALID_UNPIN_PAST, id, activity.getBaselineDate(), today));
            }
            activity.setPinned(false);
            return List.of(activity);
        }

        @Override
        public String describe() {
            return id + " is no longer pinned";
        }
    }

    /**
     * One activity that moved, why, and who must be told: the responsible unit, the bodies at whose sitting
     * it is handled, the people in the meeting.
     */
    public record Moved(String id, String name, LocalDate oldDate, LocalDate newDate, LocalTime oldStart,
            LocalTime newStart, long days, Why why, String unit, List<String> bodies, List<String> participants) {

        /** The activity as it now stands, moved from {@code oldDate} and {@code oldStart} for {@code why}. */
        static Moved of(Activity activity, LocalDate oldDate, LocalTime oldStart, Why why) {
            return new Moved(activity.getId(), activity.getName(), oldDate, activity.getDate(), oldStart,
                    activity.getStart(), oldDate == null ? 0 : ChronoUnit.DAYS.between(oldDate, activity.getDate()),
                    why, activity.getUnit(), activity.getBodies().stream().map(Body::getCode).toList(),
                    activity instanceof Meeting meeting ? List.copyOf(meeting.getParticipants()) : List.of());
        }

        /** Why it moved, for the command line. */
        @JsonProperty("reason")
        public String reason() {
            return why.describe();
        }

        /** Why it moved, in Swedish: for a script reading the command line's JSON (the workspace says it in the page's words). */
        @JsonProperty("reasonInSwedish")
        public String reasonInSwedish() {
            return Words.swedish().say(why.phrase());
        }

        /** A hard rule or the change itself moved it; else it was chosen, to improve the rest. */
        @JsonProperty("forced")
        public boolean forced() {
            return why.forced();
        }

        /** Everyone to tell, in that order, without repeats. */
        public List<String> toTell() {
            Set<String> all = new LinkedHashSet<>();
            if (!unit.isEmpty()) {
                all.add(unit);
            }
            all.addAll(bodies);
            all.addAll(participants);
            return List.copyOf(all);
        }
    }

    /** Why an activity moved: in English for the command line, a phrase for the planners' words; tagged by kind in JSON. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = MovedByTheChange.class, name = "change"),
            @JsonSubTypes.Type(value = BodyNoLongerSits.class, name = "bodyNoLongerSits"),
            @JsonSubTypes.Type(value = ChainWindow.class, name = "chainWindow"),
            @JsonSubTypes.Type(value = KeepsOrder.class, name = "keepsOrder"),
            @JsonSubTypes.Type(value = SoftGoals.class, name = "softGoals"),
            @JsonSubTypes.Type(value = NotAWorkingDay.class, name = "notAWorkingDay"),
            @JsonSubTypes.Type(value = BodiesDoNotSit.class, name = "bodiesDoNotSit"),
            @JsonSubTypes.Type(value = OutsideWindow.class, name = "outsideWindow"),
            @JsonSubTypes.Type(value = AnotherTime.class, name = "anotherTime"),
            @JsonSubTypes.Type(value = MadeRoom.class, name = "madeRoom"),
            @JsonSubTypes.Type(value = SincePublished.class, name = "sincePublished")})
    public sealed interface Why permits MovedByTheChange, BodyNoLongerSits, ChainWindow, KeepsOrder, SoftGoals,
            NotAWorkingDay, BodiesDoNotSit, OutsideWindow, AnotherTime, MadeRoom, SincePublished {
        String describe();

        Phrase phrase();

        /** The change or a hard rule made the move; only the soft goals' moves are chosen. */
        default boolean forced() {
            return true;
        }
    }

    /** The change moved it itself (a pin, a moved forecast). */
    public record MovedByTheChange(Change change) implements Why {
        @Override
        public String describe() {
            return "the change: " + change.describe();
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.WHY_CHANGE, change.phrase());
        }
    }

    /** Its old date is no longer a sitting of its bodies. */
    public record BodyNoLongerSits(List<String> bodies, LocalDate date) implements Why {
        @Override
        public String describe() {
            return TidplanConstraintProvider.SITTING_DAY + ": " + String.join(", ", bodies) + " no longer sits on " + date;
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.WHY_BODY_NO_LONGER_SITS, Words.rule(TidplanConstraintProvider.SITTING_DAY),
                    String.join(", ", bodies), date);
        }
    }

    /** Its chain no longer allows its old date. */
    public record ChainWindow(LocalDate from, LocalDate to) implements Why {
        @Override
        public String describe() {
            return TidplanConstraintProvider.ORDER + ": its chain now allows it only from " + from + " to " + to;
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.WHY_CHAIN_WINDOW, Words.rule(TidplanConstraintProvider.ORDER), from, to);
        }
    }

    /** It keeps its order with an activity of its chain that moved. */
    public record KeepsOrder(String with) implements Why {
        @Override
        public String describe() {
            return TidplanConstraintProvider.ORDER + ": keeps its order with " + with + ", which moved";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.WHY_KEEPS_ORDER, Words.rule(TidplanConstraintProvider.ORDER), with);
        }
    }

    /** Nothing forced it: the soft goals gain from the move. */
    public record SoftGoals() implements Why {
        @Override
        public String describe() {
            return "soft goals (even workload, buffers) now gain from it";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.WHY_SOFT_GOALS);
        }

        @Override
        public boolean forced() {
            return false;
        }
    }

    /** A repair's reasons, why a hand-made date had to go: it is not a working day. */
    public record NotAWorkingDay(LocalDate date, String dayOff) implements Why {
        @Override
        public String describe() {
            return TidplanConstraintProvider.WORKING_DAY + ": " + date + " is " + dayOff;
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.WHY_NOT_A_WORKING_DAY, Words.rule(TidplanConstraintProvider.WORKING_DAY), date,
                    Words.dayOff(dayOff));
        }
    }

    /** Its bodies do not sit on the hand-made date. */
    public record BodiesDoNotSit(List<String> bodies, LocalDate date) implements Why {
        @Override
        public String describe() {
            return TidplanConstraintProvider.SITTING_DAY + ": " + bodies + " do not sit on " + date;
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.WHY_BODIES_DO_NOT_SIT, Words.rule(TidplanConstraintProvider.SITTING_DAY),
                    String.join(", ", bodies), date);
        }
    }

    /** The hand-made date is outside the activity's window. */
    public record OutsideWindow(LocalDate date, LocalDate earliest, LocalDate latest) implements Why {
        @Override
        public String describe() {
            return TidplanConstraintProvider.WINDOW + ": " + date + " is outside " + earliest + " .. " + latest;
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.WHY_OUTSIDE_WINDOW, Words.rule(TidplanConstraintProvider.WINDOW), date, earliest, latest);
        }
    }

    /** The day stays, the time moves: another meeting of the same people, or the office hours. */
    public record AnotherTime() implements Why {
        @Override
        public String describe() {
            return "its time: another meeting of the same people, or the office hours";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.WHY_ANOTHER_TIME);
        }
    }

    /** The steps before or after it needed its day. */
    public record MadeRoom() implements Why {
        @Override
        public String describe() {
            return TidplanConstraintProvider.ORDER + ": the steps before or after it needed the room";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.WHY_MADE_ROOM, Words.rule(TidplanConstraintProvider.ORDER));
        }
    }

    /** It lies elsewhere than in the calendar published before: the re-plans since then moved it. */
    public record SincePublished(String calendar) implements Why {
        @Override
        public String describe() {
            return "moved since " + calendar + " was published";
        }

        @Override
        public Phrase phrase() {
            return Phrase.of(Text.WHY_SINCE_PUBLISHED, calendar);
        }
    }

    /**
     * A change that cannot be applied (an unknown body, a sitting that does not exist, a date in the past): the problem
     * in English for the command line ({@link #getMessage()}), and as a phrase for the planners' words.
     */
    public static final class InvalidChange extends RuntimeException {
        private final transient Change change;
        private final transient Phrase phrase;

        InvalidChange(Change change, String problem, Phrase phrase) {
            super(problem);
            this.change = change;
            this.phrase = phrase;
        }

        public Change change() {
            return change;
        }

        public Phrase phrase() {
            return phrase;
        }
    }

    /** What could make a broken matter feasible again. */
    public sealed interface Remedy permits AddSittingIn, NoDayLeft {
    }

    /** A sitting of the activity's bodies on a working day in this span would let it meet its chain. */
    public record AddSittingIn(String activity, List<String> bodies, LocalDate from, LocalDate to) implements Remedy {
    }

    /** The activity's chain leaves it no day at all: a fixed date of its chain or a window must move. */
    public record NoDayLeft(String activity, LocalDate earliest, LocalDate latest) implements Remedy {
    }

    /** A hard rule the re-planned calendar still breaks: which rule, the finding, and what would help. */
    public record Blocker(String constraint, Rules.Finding finding, List<Remedy> remedies) {
    }

    /**
     * The re-planned calendar ({@code solved}, scored by the search's own objective, which also weighs closeness to
     * the calendar before), the same calendar rule by rule under its dataset's rules ({@code analysis}: the dataset
     * with the changes made, as {@code explain} and {@code compare} score it), whether the rest was improved too, what
     * moved and why, the hard rules still broken after {@code today} ({@code blockers}, with remedies), and those the
     * frozen past breaks by itself ({@code past}: it happened, and is not the change's doing); {@code searched}, how
     * many activities the search could move (the neighbourhood the change reached, or every one not frozen).
     */
    public record Result(SolveResult solved, ScoreAnalysis<HardSoftLongScore> analysis, boolean improve,
            List<Moved> moves, List<Blocker> blockers, List<Blocker> past, List<String> notes, int searched) {

        /** The calendar's score: under its dataset's rules, the one explain and compare give it. */
        public HardSoftLongScore score() {
            return analysis.score();
        }

        /** How many moves the change or a hard rule forced; the others were chosen to improve the rest. */
        public long forced() {
            return moves.stream().filter(Moved::forced).count();
        }

        /** Every hard rule holds from {@code today} on (the past may break some; it is not re-planned). */
        public boolean futureKeepsTheRules() {
            return blockers.isEmpty();
        }

        /** The change did damage: it moved activities, or left a rule broken; advice is worth looking for. */
        public boolean didDamage() {
            return !moves.isEmpty() || !futureKeepsTheRules();
        }
    }

    /**
     * How far a minimal re-plan searches: the {@link Neighbourhood} the change can reach, widened only while the
     * damage reaches its edge ({@code NEIGHBOURHOOD}, the default: the same calendar as {@code WHOLE} in a fraction of
     * the time, see benchmarks/RESULTS.md), or the whole calendar at once ({@code WHOLE}). A re-plan that improves
     * the rest always searches the whole calendar: the soft goals reach every activity.
     */
    public enum Reach {
        NEIGHBOURHOOD, WHOLE
    }

    private Replanner() {
    }

    /** Takes a sitting away and/or adds one, after checking both against the body, today and the calendar. */
    private static List<Activity> changeSittings(Schedule schedule, LocalDate today, Change change, String code,
            LocalDate removed, LocalDate added) {
        Body old = findBody(schedule, code, change);
        TreeMap<LocalDate, Sitting> sittings = new TreeMap<>();
        old.getSittings().forEach(day -> sittings.put(day, old.getSitting(day)));
        if (removed != null) {
            requireSitting(old, removed, change);
            requireFuture(today, removed, change);
            sittings.remove(removed);
        }
        if (added != null) {
            requireFuture(today, added, change);
            requireInHorizon(schedule, added, change);
            requireWorkingDay(schedule, added, change);
            // The planner enters a day the body has decided (as writeChangedDataset marks it).
            if (sittings.putIfAbsent(added, Sitting.of(SittingSource.PROTOCOL, "")) != null) {
                throw new InvalidChange(change, old.getCode() + " already sits on " + added
                        + (removed == null ? "" : "; moving a sitting onto another one would merge them"),
                        Phrase.of(removed == null ? Text.INVALID_ALREADY_SITS : Text.INVALID_MOVE_ONTO_SITTING,
                                old.getCode(), added));
            }
        }
        schedule.replaceBody(new Body(old.getCode(), old.getName(), sittings));
        return List.of();
    }

    private static Body findBody(Schedule schedule, String code, Change change) {
        return schedule.getBodies().stream().filter(b -> b.getCode().equals(code)).findFirst()
                .orElseThrow(() -> {
                    List<String> bodies = schedule.getBodies().stream().map(Body::getCode).toList();
                    return new InvalidChange(change, "unknown body '" + code + "'; the dataset has " + bodies,
                            Phrase.of(Text.INVALID_UNKNOWN_BODY, code, String.join(", ", bodies)));
                });
    }

    private static Activity activity(Schedule schedule, String id, Change change) {
        return schedule.getActivities().stream().filter(a -> a.getId().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidChange(change, "no activity '" + id + "'", Phrase.of(Text.INVALID_NO_ACTIVITY, id)));
    }

    private static void requireSitting(Body body, LocalDate date, Change change) {
        if (!body.sitsOn(date)) {
            throw new InvalidChange(change, body.getCode() + " does not sit on " + date,
                    Phrase.of(Text.INVALID_DOES_NOT_SIT, body.getCode(), date));
        }
    }

    private static void requireFuture(LocalDate today, LocalDate date, Change change) {
        if (date.isBefore(today)) {
            throw new InvalidChange(change, date + " is before today, " + today + "; the past is frozen",
                    Phrase.of(Text.INVALID_PAST, date, today));
        }
    }

    private static void requireInHorizon(Schedule schedule, LocalDate date, Change change) {
        if (date.isBefore(schedule.getHorizonStart()) || date.isAfter(schedule.getHorizonEnd())) {
            throw new InvalidChange(change, date + " is outside the calendar's horizon " + schedule.getHorizonStart()
                    + " .. " + schedule.getHorizonEnd(), Phrase.of(Text.INVALID_OUTSIDE_HORIZON, date,
                            schedule.getHorizonStart(), schedule.getHorizonEnd()));
        }
    }

    private static void requireWorkingDay(Schedule schedule, LocalDate date, Change change) {
        schedule.getCalendar().nonWorkingReason(date).ifPresent(reason -> {
            throw new InvalidChange(change, date + " is not a working day (" + reason + ")",
                    Phrase.of(Text.INVALID_NOT_A_WORKING_DAY, date, Words.dayOff(reason)));
        });
    }

    /**
     * Re-plans {@code calendar} after the changes, the past before {@code today} frozen: a minimal repair, or with
     * {@code improve} a search that also weighs the dataset's soft goals. {@code dataset} gives a fresh copy of the
     * dataset: one to re-plan on, one to score the new calendar under the dataset's rules with the changes made.
     */
    public static Result replan(Supplier<Dataset> dataset, CalendarFile.Content calendar, LocalDate today,
            List<Change> changes, boolean improve, TidplanSolver.Options options, Consumer<BestScore> progress,
            StopSignal stop) {
        return replan(dataset, calendar, today, changes, improve, options, progress, stop, Reach.NEIGHBOURHOOD);
    }

    /** The same, a minimal re-plan searching as far as {@code reach} says. */
    public static Result replan(Supplier<Dataset> dataset, CalendarFile.Content calendar, LocalDate today,
            List<Change> changes, boolean improve, TidplanSolver.Options options, Consumer<BestScore> progress,
            StopSignal stop, Reach reach) {
        Schedule schedule = dataset.get().schedule();
        if (today.isAfter(schedule.getHorizonEnd())) {
            // Bad input, not a fault: the command line's --today and the API's "today" say so as such.
            throw new InputException("today", 0, null, today + " is after the calendar's last day " + schedule.getHorizonEnd()
                    + ": everything is past, nothing is left to re-plan");
        }
        List<String> notes = new ArrayList<>();
        Map<Activity, CalendarRow> rows = CalendarMatch.match(schedule, calendar, notes);
        // Keyed by Id: the solver returns clones of these activities.
        Map<String, LocalDate> oldDates = new HashMap<>();
        Map<String, LocalTime> oldStarts = new HashMap<>();
        for (Activity activity : schedule.getActivities()) {
            CalendarRow row = rows.get(activity);
            if (row != null) {
                activity.setBaselineDate(row.date());
                if (activity instanceof Meeting meeting && row.start() != null) {
                    meeting.setPreferredStart(row.start());
                }
            }
            oldDates.put(activity.getId(), activity.getBaselineDate());
            if (activity instanceof Meeting meeting) {
                oldStarts.put(activity.getId(), meeting.getPreferredStart());
            }
            // The past has happened.
            if (activity.getBaselineDate() != null && activity.getBaselineDate().isBefore(today)) {
                activity.setPinned(true);
            }
        }
        Map<String, Change> movedByChange = new HashMap<>();
        for (Change change : changes) {
            change.apply(schedule, today).forEach(a -> movedByChange.putIfAbsent(a.getId(), change));
        }
        if (!improve) {
            weighOnlyMoves(schedule);
        }
        Preparation.prepare(schedule);
        Map<Activity, CandidateValues.Bounds> bounds = CandidateValues.propagate(schedule);
        Map<String, CandidateValues.Bounds> boundsById = new HashMap<>();
        bounds.forEach((activity, b) -> boundsById.put(activity.getId(), b));
        Map<String, CandidateValues.Bounds> chainWindows = new HashMap<>();
        CandidateValues.chainWindows(schedule, bounds).forEach((activity, w) -> chainWindows.put(activity.getId(), w));

        Searched searched = improve || reach == Reach.WHOLE ? searchWhole(schedule, options, progress, stop)
                : searchNeighbourhood(schedule, movedByChange.keySet(), oldDates, options, progress, stop);
        SolveResult solved = searched.solved();
        Set<String> moved = new LinkedHashSet<>();
        for (Activity activity : solved.schedule().getActivities()) {
            if (!Objects.equals(activity.getDate(), oldDates.get(activity.getId()))
                    || activity instanceof Meeting && !Objects.equals(activity.getStart(), oldStarts.get(activity.getId()))) {
                moved.add(activity.getId());
            }
        }
        List<Moved> moves = new ArrayList<>();
        for (Activity activity : solved.schedule().getActivities()) {
            if (moved.contains(activity.getId())) {
                LocalDate old = oldDates.get(activity.getId());
                moves.add(Moved.of(activity, old, oldStarts.get(activity.getId()),
                        why(solved.schedule(), activity, old, moved, boundsById.get(activity.getId()),
                                movedByChange.get(activity.getId()), improve)));
            }
        }
        moves.sort(Comparator.comparing(Moved::newDate).thenComparing(Moved::id));
        List<Blocker> all = solved.isFeasible() ? List.of() : blockers(solved, chainWindows);
        Map<String, LocalDate> dates = new HashMap<>();
        solved.schedule().getActivities().forEach(a -> dates.put(a.getId(), a.getDate()));
        Predicate<Blocker> inThePast = b -> b.finding().inThePast(dates, today);
        return new Result(solved, underItsRules(dataset.get(), solved.schedule(), today, changes), improve, moves,
                all.stream().filter(inThePast.negate()).toList(), all.stream().filter(inThePast).toList(), notes,
                searched.activities());
    }

    /**
     * A minimal re-plan of the neighbourhood the change reached, the rest of the calendar pinned where it was
     * ({@code before}), widened and searched again while the damage reaches the neighbourhood's edge.
     */
    private static Searched searchNeighbourhood(Schedule schedule, Set<String> movedByChange,
            Map<String, LocalDate> before, TidplanSolver.Options options, Consumer<BestScore> progress, StopSignal stop) {
        Neighbourhood reach = Neighbourhood.around(schedule, movedByChange);
        while (true) {
            if (reach.isWhole()) {
                return searchWhole(schedule, options, progress, stop);
            }
            Set<String> pinned = reach.pinTheRest();
            SolveResult solved;
            try {
                solved = TidplanSolver.solve(schedule, options, progress, stop::attach);
            } finally {
                Neighbourhood.unpin(schedule, pinned);
            }
            Neighbourhood.unpin(solved.schedule(), pinned);
            if (stop.wasRequested() || !reach.widenAround(solved, before)) {
                return new Searched(solved, reach.size());
            }
        }
    }

    private static Searched searchWhole(Schedule schedule, TidplanSolver.Options options, Consumer<BestScore> progress,
            StopSignal stop) {
        int movable = (int) schedule.getActivities().stream().filter(a -> !a.isFixed()).count();
        return new Searched(TidplanSolver.solve(schedule, options, progress, stop::attach), movable);
    }

    /** A re-plan's calendar, and how many activities its search could move. */
    private record Searched(SolveResult solved, int activities) {
    }

    /**
     * The weights of a minimal repair: the only costs are days and quarter-hours away from the calendar before (even
     * workload, buffers, confirmed sittings and booked meetings are not asked for), so an activity moves only when a
     * hard rule forces it, as little as it
     * can. A day moved weighs more than any change of time within the day (at most 38 quarter-hours of office
     * hours), so a meeting that must move keeps its day if another time will do.
     */
    static void weighOnlyMoves(Schedule schedule) {
        schedule.setConstraintWeightOverrides(ConstraintWeightOverrides.of(Map.of(
                TidplanConstraintProvider.EVEN_WORKLOAD, HardSoftLongScore.ZERO,
                TidplanConstraintProvider.BUFFER, HardSoftLongScore.ZERO,
                TidplanConstraintProvider.CONFIRMED_SITTING, HardSoftLongScore.ZERO,
                TidplanConstraintProvider.BOOKED_MEETING, HardSoftLongScore.ZERO,
                TidplanConstraintProvider.BASELINE, HardSoftLongScore.ofSoft(40),
                TidplanConstraintProvider.MEETING_TIME, HardSoftLongScore.ONE_SOFT)));
    }

    /**
     * The new calendar as {@code explain} scores it: on a fresh copy of the dataset with the changes made, under the
     * dataset's own weights and hand-made dates (the re-plan's objective counted closeness to the calendar before).
     */
    private static ScoreAnalysis<HardSoftLongScore> underItsRules(Dataset fresh, Schedule calendar, LocalDate today,
            List<Change> changes) {
        changes.forEach(change -> change.apply(fresh.schedule(), today));
        return CalendarExplainer.score(fresh, CalendarFile.read("the re-planned calendar", CalendarCsvWriter.text(calendar)))
                .analysis();
    }

    /**
     * Why it moved: the change itself, another time the same day, a rule its old date now breaks, or a step of its
     * chain; else, with the soft goals asked for, they chose it, and in a minimal repair the rule its old date breaks
     * or the room its chain needed.
     */
    private static Why why(Schedule schedule, Activity activity, LocalDate old, Set<String> moved,
            CandidateValues.Bounds bounds, Change direct, boolean improve) {
        if (direct != null) {
            return new MovedByTheChange(direct);
        }
        if (old != null) {
            if (old.equals(activity.getDate())) {
                return new AnotherTime(); // no soft goal gains from a time: a meeting of the same people took it
            }
            List<String> absent = activity.bodiesAbsentOn(old).stream().map(Body::getCode).toList();
            if (!absent.isEmpty()) {
                return new BodyNoLongerSits(absent, old);
            }
            if (bounds != null && (old.isBefore(bounds.earliest()) || old.isAfter(bounds.latest()))) {
                return new ChainWindow(bounds.earliest(), bounds.latest());
            }
        }
        for (Dependency d : schedule.getDependencies()) {
            Activity other = d.getBefore().getId().equals(activity.getId()) ? d.getAfter()
                    : d.getAfter().getId().equals(activity.getId()) ? d.getBefore() : null;
            if (other != null && moved.contains(other.getId())) {
                return new KeepsOrder(other.getId());
            }
        }
        // An activity new to the calendar (no date before) is placed where the soft goals like it.
        return improve || old == null ? new SoftGoals() : ruleItBroke(schedule, activity);
    }

    /**
     * In a repair, the rule the activity's date before (its baseline) breaks, or, when it breaks none, another
     * time the same day or the room its chain needed.
     */
    static Why ruleItBroke(Schedule schedule, Activity activity) {
        LocalDate date = activity.getBaselineDate();
        var dayOff = schedule.getCalendar().nonWorkingReason(date);
        if (dayOff.isPresent() && !activity.isExternal()) {
            return new NotAWorkingDay(date, dayOff.get());
        }
        List<Body> absent = activity.bodiesAbsentOn(date);
        if (!absent.isEmpty()) {
            return new BodiesDoNotSit(absent.stream().map(Body::getCode).toList(), date);
        }
        if (activity.getEarliest() != null && date.isBefore(activity.getEarliest())
                || activity.getLatest() != null && date.isAfter(activity.getLatest())) {
            return new OutsideWindow(date, activity.getEarliest(), activity.getLatest());
        }
        if (date.equals(activity.getDate())) {
            return new AnotherTime();
        }
        return new MadeRoom();
    }

    private static Remedy remedy(Activity activity, CandidateValues.Bounds window) {
        if (window.isEmpty()) {
            return new NoDayLeft(activity.getId(), window.earliest(), window.latest());
        }
        return new AddSittingIn(activity.getId(), activity.getBodies().stream().map(Body::getCode).toList(),
                window.earliest(), window.latest());
    }

    /** For each broken hard rule: the finding, and for a matter handled at a sitting where a sitting would help. */
    private static List<Blocker> blockers(SolveResult solved, Map<String, CandidateValues.Bounds> windows) {
        List<Blocker> blockers = new ArrayList<>();
        for (ConstraintAnalysis<HardSoftLongScore> constraint : TidplanSolver.inOrder(solved.analysis())) {
            if (constraint.score().hardScore() >= 0) {
                continue;
            }
            for (MatchAnalysis<HardSoftLongScore> match : constraint.matches()) {
                Rules.Finding finding = Rules.finding(match);
                Set<Remedy> remedies = new LinkedHashSet<>();
                for (String id : finding.activityIds()) {
                    solved.schedule().getActivities().stream()
                            .filter(a -> a.getId().equals(id) && !a.getBodies().isEmpty() && !a.isFixed())
                            .forEach(a -> remedies.add(remedy(a, windows.get(id))));
                }
                blockers.add(new Blocker(constraint.constraintName(), finding, List.copyOf(remedies)));
            }
        }
        return blockers;
    }
}
