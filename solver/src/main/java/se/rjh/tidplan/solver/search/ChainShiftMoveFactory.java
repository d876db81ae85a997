package se.rjh.tidplan.solver.search;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;
import se.rjh.tidplan.solver.search.CandidateValues;
import se.rjh.tidplan.solver.search.Chains;

/**
 * Chain shifts ({@link ChainShiftMove}): one activity in a chain to another of its candidate dates, and the
 * chain steps before or after it as far as the order needs, or as far as the order and the wanted buffers need
 * (a step moved next to the one after it takes that one along to keep its negotiation time: neither move alone
 * pays, so single changes cannot find it). A shift that would need a pinned step or an external event to move,
 * or a step beyond its own candidate dates, is not made.
 */
public final class ChainShiftMoveFactory implements MoveIteratorFactory<Schedule, ChainShiftMove> {

    /** Random picks that may each turn out impossible before the iterator gives up for this step. */
    private static final int ATTEMPTS = 100;

    private final List<Activity> chained = new ArrayList<>();
    private Chains chains;
    private WorkingCalendar calendar;

    @Override
    public void phaseStarted(ScoreDirector<Schedule> scoreDirector) {
        index(scoreDirector.getWorkingSolution());
    }

    /** The chains of the calendar the search works on. */
    void index(Schedule schedule) {
        calendar = schedule.getCalendar();
        chains = new Chains(schedule);
        chained.clear();
        for (Activity activity : schedule.getActivities()) {
            if (!activity.isFixed() && (!chains.incoming(activity).isEmpty() || !chains.outgoing(activity).isEmpty())) {
                chained.add(activity);
            }
        }
    }

    @Override
    public long getSize(ScoreDirector<Schedule> scoreDirector) {
        return chained.stream().mapToLong(activity -> activity.getCandidateDates().size()).sum();
    }

    @Override
    public Iterator<ChainShiftMove> createOriginalMoveIterator(ScoreDirector<Schedule> scoreDirector) {
        List<ChainShiftMove> moves = new ArrayList<>();
        for (Activity activity : chained) {
            for (LocalDate date : activity.getCandidateDates()) {
                ChainShiftMove move = shift(activity, date, false);
                ChainShiftMove withBuffers = move == null ? shift(activity, date, true) : null;
                if (move != null || withBuffers != null) {
                    moves.add(move != null ? move : withBuffers);
                }
            }
        }
        return moves.iterator();
    }

    @Override
    public Iterator<ChainShiftMove> createRandomMoveIterator(ScoreDirector<Schedule> scoreDirector, Random random) {
        return new Iterator<>() {
            private ChainShiftMove next;

            @Override
            public boolean hasNext() {
                for (int attempt = 0; next == null && attempt < ATTEMPTS && !chained.isEmpty(); attempt++) {
                    next = randomShift(chained.get(random.nextInt(chained.size())), random);
                }
                return next != null;
            }

            @Override
            public ChainShiftMove next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ChainShiftMove move = next;
                next = null;
                return move;
            }
        };
    }

    /**
     * A shift of the activity to a random one of its dates at which it would be out of order with a step
     * before or after it (only those dates need the chain to follow, the others are a change move's); or, every
     * other time, to any of its dates with the steps around it keeping their wanted buffers too.
     */
    private ChainShiftMove randomShift(Activity activity, Random random) {
        if (random.nextBoolean()) {
            List<LocalDate> dates = activity.getCandidateDates();
            return dates.isEmpty() ? null : shift(activity, dates.get(random.nextInt(dates.size())), true);
        }
        LocalDate lowest = chains.earliestAfterPredecessors(activity);
        LocalDate highest = chains.latestBeforeSuccessors(activity);
        List<LocalDate> dates = activity.getCandidateDates();
        int below = lowest == null ? 0 : insertionPoint(dates, lowest, false);
        int above = highest == null ? dates.size() : insertionPoint(dates, highest, true);
        int outside = below + dates.size() - above;
        if (outside <= 0) {
            return null;
        }
        int pick = random.nextInt(outside);
        return shift(activity, pick < below ? dates.get(pick) : dates.get(above + pick - below), false);
    }

    /** The index of the first date on or after (or, with {@code after}, strictly after) the bound; dates are sorted. */
    private static int insertionPoint(List<LocalDate> dates, LocalDate bound, boolean after) {
        int index = Collections.binarySearch(dates, bound);
        return index >= 0 ? index + (after ? 1 : 0) : -index - 1;
    }

    /** The activity on the date and its chain kept in order; null when that cannot be done or changes nothing. */
    ChainShiftMove shift(Activity activity, LocalDate date) {
        return shift(activity, date, false);
    }

    /**
     * The activity on the date and its chain kept in order, and with {@code buffers} at its wanted buffers too;
     * null when that cannot be done or changes nothing else.
     */
    ChainShiftMove shift(Activity activity, LocalDate date, boolean buffers) {
        if (date.equals(activity.getDate())) {
            return null;
        }
        Map<Activity, LocalDate> dates = new LinkedHashMap<>();
        dates.put(activity, date);
        boolean later = date.isAfter(activity.getDate());
        Deque<Activity> moved = new ArrayDeque<>(List.of(activity));
        while (!moved.isEmpty()) {
            Activity step = moved.poll();
            for (Dependency d : later ? chains.outgoing(step) : chains.incoming(step)) {
                Activity other = later ? d.getAfter() : d.getBefore();
                LocalDate current = dates.getOrDefault(other, other.getDate());
                int lag = d.getMinLag() + (buffers ? d.getBuffer() : 0);
                LocalDate bound = CandidateValues.shift(calendar, dates.get(step), later ? lag : -lag, d.getUnit());
                if (later ? !current.isBefore(bound) : !current.isAfter(bound)) {
                    continue; // still in order
                }
                LocalDate target = later ? other.firstCandidateFrom(bound) : other.lastCandidateUntil(bound);
                if (other.isFixed() || target == null) {
                    return null;
                }
                dates.put(other, target);
                moved.add(other);
            }
        }
        return dates.size() > 1 ? new ChainShiftMove(dates) : null; // a lone change is the change move's job
    }
}
