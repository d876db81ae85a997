package se.rjh.tidplan.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * One row of the calendar (aktivitet): a piece of work, a deadline, a matter handled at a body's sitting,
 * a timed meeting ({@link Meeting}), or a fixed external event such as an SKR forecast. The solver gives it
 * a date.
 * <p>
 * The columns of the region's own table ({@code Politiska styrelser och nämnder} and so on) are kept
 * verbatim for the output; what the solver needs from them is held separately in {@link #getBodies()}.
 */
@PlanningEntity
public class Activity {

    @PlanningId
    private String id;
    private String name;
    private Set<ProcessArea> processes = EnumSet.noneOf(ProcessArea.class);
    private String yearInFocus = "";
    private String politicalColumn = "";
    private String collaborationColumn = "";
    private String managementColumn = "";
    /** The Tidplan's "Verksamhet med stöd från stab": the operations carry the row, with staff support. */
    private String operationsColumn = "";
    /** The Tidplan's "Ekonomi staben/ Enheten PoU": the finance staff and its planning unit carry the row. */
    private String financeColumn = "";
    /** The Tidplan's own "Kommentar", verbatim. */
    private String comment = "";
    /** The bodies at whose sitting the activity happens; all of them must sit that day. */
    private List<Body> bodies = List.of();
    /** The responsible unit whose weekly workload the activity adds to; empty for external events. */
    private String unit = "";
    private LocalDate baselineDate;
    private LocalDate earliest;
    private LocalDate latest;
    private boolean external;
    private boolean pinned;
    private boolean booked;
    private MeetingBrief brief;
    private String note = "";

    private List<LocalDate> candidateDates = List.of();

    /** The name of the planning variable {@link #getDate()}, for moves that change it. */
    public static final String DATE = "date";

    @PlanningVariable(valueRangeProviderRefs = "candidateDates")
    private LocalDate date;

    /** For Timefold's cloning. */
    public Activity() {
    }

    public Activity(String id, String name) {
        this.id = id;
        this.name = name;
    }

    /**
     * A new activity with this one's description (processes, columns, bodies, unit, window, flags, note,
     * brief) under another id and name; no planned date. Meetings copy their time and participants too.
     */
    public Activity copyAs(String newId, String newName) {
        return copyInto(new Activity(newId, newName));
    }

    protected Activity copyInto(Activity copy) {
        copy.setProcesses(processes);
        copy.setYearInFocus(yearInFocus);
        copy.setPoliticalColumn(politicalColumn);
        copy.setCollaborationColumn(collaborationColumn);
        copy.setManagementColumn(managementColumn);
        copy.setOperationsColumn(operationsColumn);
        copy.setFinanceColumn(financeColumn);
        copy.setComment(comment);
        copy.setBodies(bodies);
        copy.setUnit(unit);
        copy.setBaselineDate(baselineDate);
        copy.setWindow(earliest, latest);
        copy.setExternal(external);
        copy.setPinned(pinned);
        copy.setBooked(booked);
        copy.setNote(note);
        copy.setBrief(brief);
        return copy;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<ProcessArea> getProcesses() {
        return processes;
    }

    public void setProcesses(Set<ProcessArea> processes) {
        this.processes = processes.isEmpty() ? EnumSet.noneOf(ProcessArea.class) : EnumSet.copyOf(processes);
    }

    public String getYearInFocus() {
        return yearInFocus;
    }

    public void setYearInFocus(String yearInFocus) {
        this.yearInFocus = yearInFocus;
    }

    public String getPoliticalColumn() {
        return politicalColumn;
    }

    public void setPoliticalColumn(String politicalColumn) {
        this.politicalColumn = politicalColumn;
    }

    public String getCollaborationColumn() {
        return collaborationColumn;
    }

    public void setCollaborationColumn(String collaborationColumn) {
        this.collaborationColumn = collaborationColumn;
    }

    public String getManagementColumn() {
        return managementColumn;
    }

    public void setManagementColumn(String managementColumn) {
        this.managementColumn = managementColumn;
    }

    public List<Body> getBodies() {
        return bodies;
    }

    public void setBodies(List<Body> bodies) {
        this.bodies = List.copyOf(bodies);
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public LocalDate getBaselineDate() {
        return baselineDate;
    }

    public void setBaselineDate(LocalDate baselineDate) {
        this.baselineDate = baselineDate;
    }

    /** A timed meeting (möte) also gets a start time; see {@link Meeting}. */
    public boolean isMeeting() {
        return false;
    }

    /** The start time of a meeting; null for an activity without a time of day. */
    public LocalTime getStart() {
        return null;
    }

    public LocalTime getEnd() {
        return null;
    }

    public LocalDate getEarliest() {
        return earliest;
    }

    public LocalDate getLatest() {
        return latest;
    }

    /** The window the activity must fall in (tidigast, senast); either end may be null for none. */
    public void setWindow(LocalDate earliest, LocalDate latest) {
        this.earliest = earliest;
        this.latest = latest;
    }

    /** Days outside the window: 0 inside it. */
    public int daysOutsideWindow() {
        if (earliest != null && date.isBefore(earliest)) {
            return (int) (earliest.toEpochDay() - date.toEpochDay());
        }
        if (latest != null && date.isAfter(latest)) {
            return (int) (date.toEpochDay() - latest.toEpochDay());
        }
        return 0;
    }

    /** An event outside the region's control (an SKR forecast): fixed, and not bound to working days. */
    public boolean isExternal() {
        return external;
    }

    public void setExternal(boolean external) {
        this.external = external;
    }

    /** Pinned by the user (låst): must stay on its baseline date and time. */
    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    /**
     * Booked (bokad): a meeting already in its named participants' calendars. It may move, but every day it moves
     * costs, so that it moves only for a rule, never to even out a week's load.
     */
    public boolean isBooked() {
        return booked;
    }

    public void setBooked(boolean booked) {
        this.booked = booked;
    }

    /** Whether a booked meeting is on another day than the one it was booked for. */
    public boolean isBookedMeetingMoved() {
        return booked && baselineDate != null && !date.equals(baselineDate);
    }

    /** The bodies whose members attend (a meeting's "RS ledamöter"), by code: none for an activity without people. */
    public Set<String> getAttendingBodies() {
        return Set.of();
    }

    /** Of the given bodies, those whose members attend and that sit on the day: the activity keeps them away. */
    public List<Body> attendingBodiesSittingOn(Collection<Body> bodies, LocalDate day) {
        Set<String> attending = getAttendingBodies();
        return attending.isEmpty() ? List.of()
                : bodies.stream().filter(body -> attending.contains(body.getCode()) && body.sitsOn(day)).toList();
    }

    /** How many of its bodies sit on the day on a sitting still to be confirmed (assumed, to confirm, added). */
    public int countUnconfirmedSittingsOn(LocalDate day) {
        int unconfirmed = 0;
        for (Body body : bodies) {
            if (body.sitsOn(day) && body.getSitting(day).toConfirm()) {
                unconfirmed++;
            }
        }
        return unconfirmed;
    }

    /** The solver never moves a pinned activity or an external event. */
    @PlanningPin
    public boolean isFixed() {
        return pinned || external;
    }

    public MeetingBrief getBrief() {
        return brief;
    }

    public void setBrief(MeetingBrief brief) {
        this.brief = brief;
    }

    public String getOperationsColumn() {
        return operationsColumn;
    }

    public void setOperationsColumn(String operationsColumn) {
        this.operationsColumn = operationsColumn;
    }

    public String getFinanceColumn() {
        return financeColumn;
    }

    public void setFinanceColumn(String financeColumn) {
        this.financeColumn = financeColumn;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    /** The bodies of this activity that do not sit on the date: none means the date is a sitting of all. */
    public List<Body> bodiesAbsentOn(LocalDate day) {
        return bodies.stream().filter(body -> !body.sitsOn(day)).toList();
    }

    /** How many of its bodies do not sit on the day; counted without a list, as the score does for every move. */
    public int countBodiesAbsentOn(LocalDate day) {
        int absent = 0;
        for (Body body : bodies) {
            if (!body.sitsOn(day)) {
                absent++;
            }
        }
        return absent;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    @ValueRangeProvider(id = "candidateDates")
    public List<LocalDate> getCandidateDates() {
        return candidateDates;
    }

    /** Narrows the dates the solver may try (the search computes them from sittings, windows and chains). */
    public void setCandidateDates(List<LocalDate> dates) {
        this.candidateDates = List.copyOf(dates);
    }

    /** The first candidate date on or after the bound; null when there is none. */
    public LocalDate firstCandidateFrom(LocalDate bound) {
        for (LocalDate candidate : candidateDates) {
            if (!candidate.isBefore(bound)) {
                return candidate;
            }
        }
        return null;
    }

    /** The last candidate date on or before the bound; null when there is none. */
    public LocalDate lastCandidateUntil(LocalDate bound) {
        for (int i = candidateDates.size() - 1; i >= 0; i--) {
            if (!candidateDates.get(i).isAfter(bound)) {
                return candidateDates.get(i);
            }
        }
        return null;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public LocalDate getWeek() {
        return WorkingCalendar.weekOf(date);
    }

    /** Whether the activity is where the hand-made calendar put it (a pinned one must be). */
    public boolean isAtBaseline() {
        return date != null && date.equals(baselineDate);
    }

    /** Calendar days between the planned date and the baseline date. */
    public int daysFromBaseline() {
        return baselineDate == null ? 0 : (int) Math.abs(date.toEpochDay() - baselineDate.toEpochDay());
    }

    @Override
    public String toString() {
        return id;
    }
}
