package se.rjh.tidplan.model;

import java.time.temporal.ChronoUnit;

import ai.timefold.solver.core.api.domain.solution.cloner.DeepPlanningClone;

/**
 * One step of a matter's chain (beroende): {@code after} may happen only {@code minLag} days after
 * {@code before}; {@code buffer} more days are wanted but not required (time for an MBL negotiation or a
 * committee's preparation).
 * <p>
 * Deep-cloned with the solution: it points at planning entities, and a shallow copy would keep pointing
 * at the originals instead of the solver's working copies.
 */
@DeepPlanningClone
public class Dependency {

    private Activity before;
    private Activity after;
    private int minLag;
    private int buffer;
    private LagUnit unit;
    private String reason;
    /** The name of the dataset's setting the buffer comes from ("MBL 14 §"), or null for a number of days. */
    private String bufferName;

    /** For Timefold's cloning. */
    public Dependency() {
    }

    public Dependency(Activity before, Activity after, int minLag, int buffer, LagUnit unit, String reason) {
        this.before = before;
        this.after = after;
        this.minLag = minLag;
        this.buffer = buffer;
        this.unit = unit;
        this.reason = reason;
    }

    /** The same step between two other activities (a copy of the dataset's), its named buffer kept. */
    public Dependency between(Activity newBefore, Activity newAfter) {
        Dependency copy = new Dependency(newBefore, newAfter, minLag, buffer, unit, reason);
        copy.setBufferName(bufferName);
        return copy;
    }

    public Activity getBefore() {
        return before;
    }

    public Activity getAfter() {
        return after;
    }

    public int getMinLag() {
        return minLag;
    }

    public int getBuffer() {
        return buffer;
    }

    public LagUnit getUnit() {
        return unit;
    }

    public String getReason() {
        return reason;
    }

    /** The named setting of the dataset that gave the buffer ("MBL 14 §"), or null when the row gave its days. */
    public String getBufferName() {
        return bufferName;
    }

    public void setBufferName(String bufferName) {
        this.bufferName = bufferName;
    }

    /** The distance from before to after in this dependency's unit, for the given dates. */
    public int gap(WorkingCalendar calendar) {
        return switch (unit) {
            case WORKING_DAYS -> calendar.workingDaysBetween(before.getDate(), after.getDate());
            case CALENDAR_DAYS -> (int) ChronoUnit.DAYS.between(before.getDate(), after.getDate());
        };
    }

    /** How many days the minimum lag is missed by (0 when it holds). */
    public int lagShortfall(WorkingCalendar calendar) {
        return Math.max(0, minLag - gap(calendar));
    }

    /** How many days of the wanted buffer are missing, once the minimum lag holds. */
    public int bufferShortfall(WorkingCalendar calendar) {
        int gap = gap(calendar);
        return gap < minLag ? 0 : Math.max(0, minLag + buffer - gap);
    }

    @Override
    public String toString() {
        return before.getId() + " -> " + after.getId();
    }
}
