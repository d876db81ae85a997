package se.rjh.tidplan.solver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.OfficeHours;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;
import se.rjh.tidplan.solver.Region;

class CandidateValuesTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2021, 6, 1);
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(LocalDate.of(2021, 1, 1),
            LocalDate.of(2021, 12, 31), Map.of(LocalDate.of(2021, 6, 25), "Midsommarafton"), List.of(), 1);

    private static Schedule schedule(List<Activity> activities, List<Dependency> dependencies) {
        Schedule schedule = new Schedule("test", LocalDate.of(2021, 5, 1), LocalDate.of(2021, 8, 31), 15, CALENDAR,
                new OfficeHours(LocalTime.of(8, 0), LocalTime.of(17, 0)), List.of(), dependencies, activities,
                ConstraintWeightOverrides.none());
        CandidateValues.assign(schedule);
        return schedule;
    }

    @Test
    void theChainNarrowsEveryStepsDates() {
        Body rs = new Body("RS", "Regionstyrelsen", List.of(LocalDate.of(2021, 5, 18), LocalDate.of(2021, 6, 7),
                LocalDate.of(2021, 6, 22)));
        Body rf = new Body("RF", "Regionfullmäktige", List.of(LocalDate.of(2021, 6, 14), LocalDate.of(2021, 6, 21)));
        Activity csg = new Activity("CSG", "samverkan");
        csg.setWindow(JUNE_1, null);
        Activity rsDecides = new Activity("RS", "RS beslutar");
        rsDecides.setBodies(List.of(rs));
        Activity rfDecides = new Activity("RF", "RF beslutar");
        rfDecides.setBodies(List.of(rf));
        rfDecides.setWindow(null, LocalDate.of(2021, 6, 30));
        schedule(List.of(csg, rsDecides, rfDecides), List.of(
                new Dependency(csg, rsDecides, 1, 0, LagUnit.WORKING_DAYS, ""),
                new Dependency(rsDecides, rfDecides, 7, 0, LagUnit.CALENDAR_DAYS, "")));
        // RS sits 18 May (before CSG can happen), 7 and 22 June (too late for RF by 30 June): only 7 June.
        assertEquals(List.of(LocalDate.of(2021, 6, 7)), rsDecides.getCandidateDates());
        // RF sits 14 and 21 June; both are at least 7 days after 7 June.
        assertEquals(List.of(LocalDate.of(2021, 6, 14), LocalDate.of(2021, 6, 21)), rfDecides.getCandidateDates());
        // CSG from 1 June to the working day before 7 June.
        assertEquals(JUNE_1, csg.getCandidateDates().get(0));
        assertEquals(LocalDate.of(2021, 6, 4), csg.getCandidateDates().get(csg.getCandidateDates().size() - 1));
    }

    @Test
    void workingDayLagsSkipWeekendsAndHolidaysBothWays() {
        // Thursday 24 June + 1 working day = Monday 28 June (Midsommarafton is off).
        assertEquals(LocalDate.of(2021, 6, 28),
                CandidateValues.shift(CALENDAR, LocalDate.of(2021, 6, 24), 1, LagUnit.WORKING_DAYS));
        // Backwards: the latest day with one working day after it up to Monday 28 June is Sunday 27 June
        // (the search then snaps it to the working day before, Thursday 24 June).
        assertEquals(LocalDate.of(2021, 6, 27),
                CandidateValues.shift(CALENDAR, LocalDate.of(2021, 6, 28), -1, LagUnit.WORKING_DAYS));
        assertEquals(LocalDate.of(2021, 6, 23),
                CandidateValues.shift(CALENDAR, LocalDate.of(2021, 6, 28), -2, LagUnit.WORKING_DAYS));
        assertEquals(LocalDate.of(2021, 6, 8),
                CandidateValues.shift(CALENDAR, LocalDate.of(2021, 6, 1), 7, LagUnit.CALENDAR_DAYS));
    }

    @Test
    void anImpossibleChainFallsBackToTheWindowSoTheSolverCanSayWhy() {
        Body rs = new Body("RS", "Regionstyrelsen", List.of(LocalDate.of(2021, 6, 7)));
        Activity rsDecides = new Activity("RS", "RS beslutar");
        rsDecides.setBodies(List.of(rs));
        Activity forecast = new Activity("SKR", "SKR presenterar");
        forecast.setExternal(true);
        forecast.setBaselineDate(LocalDate.of(2021, 6, 10));
        schedule(List.of(forecast, rsDecides), List.of(new Dependency(forecast, rsDecides, 1, 0, LagUnit.WORKING_DAYS, "")));
        assertEquals(List.of(LocalDate.of(2021, 6, 7)), rsDecides.getCandidateDates());
        assertEquals(List.of(LocalDate.of(2021, 6, 10)), forecast.getCandidateDates());
        assertTrue(forecast.isFixed());
    }

    @Test
    void aDecisionMayOnlyTakeItsBodysSittingDays() {
        Schedule schedule = Region.schedule();
        for (Activity activity : schedule.getActivities()) {
            for (LocalDate date : activity.getCandidateDates()) {
                assertTrue(activity.getBodies().stream().allMatch(body -> body.sitsOn(date)),
                        activity.getId() + " may take " + date);
                assertTrue(activity.isExternal() || schedule.getCalendar().isWorkingDay(date),
                        activity.getId() + " may take the day off " + date);
            }
        }
        // The seed's impossible sitting (RF on Midsommarafton 2020) stays the baseline but is not offered.
        Activity rf = schedule.getActivities().stream().filter(a -> a.getId().equals("RP21-RF")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2020, 6, 19), rf.getBaselineDate());
        assertFalse(rf.getCandidateDates().contains(LocalDate.of(2020, 6, 19)));
    }
}
