package se.rjh.tidplan.solver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.OfficeHours;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;

class ChainSchedulerTest {

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(LocalDate.of(2021, 1, 1),
            LocalDate.of(2021, 12, 31), Map.of(), List.of(), 1);
    private static final LocalDate MONDAY = LocalDate.of(2021, 6, 7);

    private final Body rs = new Body("RS", "Regionstyrelsen", List.of(MONDAY, MONDAY.plusWeeks(2)));
    private final Activity draft = new Activity("draft", "Underlag klart");
    private final Activity decision = new Activity("RS", "RS beslutar");
    private final Meeting first = meeting("m1", LocalTime.of(9, 0));
    private final Meeting second = meeting("m2", LocalTime.of(9, 30));

    private Schedule schedule() {
        decision.setBodies(List.of(rs));
        Schedule schedule = new Schedule("test", LocalDate.of(2021, 5, 1), LocalDate.of(2021, 8, 31), 15, CALENDAR,
                new OfficeHours(LocalTime.of(8, 0), LocalTime.of(17, 0)), List.of(rs),
                List.of(new Dependency(draft, decision, 3, 0, LagUnit.WORKING_DAYS, "")),
                List.of(draft, decision, first, second), ConstraintWeightOverrides.none());
        CandidateValues.assign(schedule);
        return schedule;
    }

    private static Meeting meeting(String id, LocalTime start) {
        Meeting meeting = new Meeting(id, "Budgetdialog", start, 60);
        meeting.setParticipants(Set.of("Regiondirektör"));
        return meeting;
    }

    /** Runs the repair and lists what it moved. */
    private static List<String> repair(Schedule schedule) {
        List<String> moved = new ArrayList<>();
        ChainScheduler.repair(schedule, (activity, date, start) -> {
            moved.add(activity.getId());
            activity.setDate(date);
            if (activity instanceof Meeting meeting) {
                meeting.setStart(start);
            }
        });
        return moved;
    }

    @Test
    void repairPullsTheStepBeforeADecisionEarlierAndLeavesTheDecisionOnItsSitting() {
        Schedule schedule = schedule();
        decision.setDate(MONDAY);
        draft.setDate(MONDAY.minusDays(1 + 2)); // Friday before: only 1 working day before, 3 wanted
        first.setDate(MONDAY);
        first.setStart(LocalTime.of(9, 0));
        second.setDate(MONDAY.plusDays(1));
        second.setStart(LocalTime.of(9, 30));

        assertEquals(List.of("draft"), repair(schedule));

        assertEquals(MONDAY, decision.getDate());
        assertEquals(LocalDate.of(2021, 6, 2), draft.getDate()); // Wednesday: 3 working days before
    }

    @Test
    void repairPushesADecisionToTheNextSittingOnlyWhenTheStepBeforeCannotMove() {
        Schedule schedule = schedule();
        draft.setWindow(MONDAY.minusDays(1), null); // cannot come earlier than Sunday, so not in time for Monday
        CandidateValues.assign(schedule);
        draft.setDate(draft.getCandidateDates().get(0)); // Monday 7 June, the first working day it may take
        decision.setDate(MONDAY.plusWeeks(2));
        first.setDate(MONDAY);
        first.setStart(LocalTime.of(9, 0));
        second.setDate(MONDAY.plusDays(1));
        second.setStart(LocalTime.of(9, 30));

        assertEquals(List.of(), repair(schedule));
        assertEquals(MONDAY.plusWeeks(2), decision.getDate());
    }

    @Test
    void repairMovesADoubleBookedMeetingToTheNearestFreeStart() {
        Schedule schedule = schedule();
        decision.setDate(MONDAY);
        draft.setDate(MONDAY.minusDays(5));
        first.setDate(MONDAY);
        first.setStart(LocalTime.of(9, 0));
        second.setDate(MONDAY);
        second.setStart(LocalTime.of(9, 30)); // overlaps 9-10 with the same person

        assertEquals(List.of("m2"), repair(schedule));
        assertEquals(MONDAY, second.getDate());
        assertEquals(LocalTime.of(10, 0), second.getStart());
    }

    @Test
    void earliestPutsEveryStepOnItsFirstDayAfterThoseBefore() {
        Schedule schedule = schedule();
        draft.setWindow(MONDAY.minusDays(1), null);
        CandidateValues.assign(schedule);

        ChainScheduler.earliest(schedule);

        assertEquals(MONDAY, draft.getDate());
        assertEquals(MONDAY.plusWeeks(2), decision.getDate());
        assertEquals(LocalTime.of(9, 0), first.getStart());
        assertEquals(first.getDate(), second.getDate());
        assertEquals(LocalTime.of(10, 0), second.getStart()); // 9.30 is taken until 10
    }
}
