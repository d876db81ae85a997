package se.rjh.tidplan.model;

import java.time.LocalTime;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * A timed meeting (möte): a budget dialogue, a meeting with the political majority, a CLG session, the
 * planning day. Besides its date it gets a start time; its participants cannot be in two meetings at once.
 */
@PlanningEntity
public class Meeting extends Activity {

    private static final Pattern MEMBERS = Pattern.compile("(.+) (?:ledamöter|ersättare|presidium)");

    private LocalTime preferredStart;
    private int durationMinutes;
    private Set<String> participants = Set.of();
    private Set<String> attendingBodies = Set.of();
    private List<LocalTime> candidateStarts = List.of();

    /** The name of the planning variable {@link #getStart()}, for moves that change it. */
    public static final String START = "start";

    @PlanningVariable(valueRangeProviderRefs = "candidateStarts")
    private LocalTime start;

    /** For Timefold's cloning. */
    public Meeting() {
    }

    public Meeting(String id, String name, LocalTime preferredStart, int durationMinutes) {
        super(id, name);
        if (durationMinutes <= 0) {
            throw new IllegalArgumentException("A meeting lasts a positive number of minutes, not " + durationMinutes);
        }
        this.preferredStart = preferredStart;
        this.durationMinutes = durationMinutes;
    }

    @Override
    public Activity copyAs(String newId, String newName) {
        Meeting copy = new Meeting(newId, newName, preferredStart, durationMinutes);
        copy.setParticipants(participants);
        return copyInto(copy);
    }

    @Override
    public boolean isMeeting() {
        return true;
    }

    /** The start the meeting is wanted at (the hand-made calendar's time). */
    public LocalTime getPreferredStart() {
        return preferredStart;
    }

    public void setPreferredStart(LocalTime preferredStart) {
        this.preferredStart = preferredStart;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    /** People in the meeting; two meetings sharing one must not overlap. */
    public Set<String> getParticipants() {
        return participants;
    }

    /** Kept in their order: {@code Set.copyOf} would iterate in an order that changes from run to run. */
    public void setParticipants(Set<String> participants) {
        this.participants = Collections.unmodifiableSet(new LinkedHashSet<>(participants));
        Set<String> bodies = new LinkedHashSet<>();
        for (String participant : participants) {
            Matcher members = MEMBERS.matcher(participant);
            if (members.matches()) {
                bodies.add(members.group(1));
            }
        }
        this.attendingBodies = Collections.unmodifiableSet(bodies);
    }

    /**
     * The bodies whose members attend, by code: a participant "RS ledamöter", "RF ersättare" or "HSN presidium"
     * names RS, RF, HSN. Such a body cannot sit while its members are here.
     */
    @Override
    public Set<String> getAttendingBodies() {
        return attendingBodies;
    }

    @ValueRangeProvider(id = "candidateStarts")
    public List<LocalTime> getCandidateStarts() {
        return candidateStarts;
    }

    public void setCandidateStarts(List<LocalTime> starts) {
        this.candidateStarts = List.copyOf(starts);
    }

    @Override
    public LocalTime getStart() {
        return start;
    }

    public void setStart(LocalTime start) {
        this.start = start;
    }

    @Override
    public LocalTime getEnd() {
        return start == null ? null : start.plusMinutes(durationMinutes);
    }

    /** Minute of the day the meeting starts, for overlap joins. */
    public int getStartMinute() {
        return start.toSecondOfDay() / 60;
    }

    public int getEndMinute() {
        return getStartMinute() + durationMinutes;
    }

    @Override
    public boolean isAtBaseline() {
        return super.isAtBaseline() && preferredStart.equals(start);
    }

    /** Minutes between the planned and the wanted start. */
    public int minutesFromPreferredStart() {
        return Math.abs(start.toSecondOfDay() - preferredStart.toSecondOfDay()) / 60;
    }

    public boolean sharesParticipantWith(Meeting other) {
        for (String person : participants) {
            if (other.participants.contains(person)) {
                return true;
            }
        }
        return false;
    }
}
