package se.rjh.tidplan.solver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import org.junit.jupiter.api.Test;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.OfficeHours;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;

/** Which activities a schedule's independent parts hold, and what joins two activities into one part. */
class PartsTest {

    private static final LocalDate DAY = LocalDate.of(2021, 3, 1);
    private static final Body RS = new Body("RS", "Regionstyrelsen", List.of(DAY));

    private static Activity activity(String id, String unit) {
        Activity activity = new Activity(id, id);
        activity.setUnit(unit);
        activity.setBodies(List.of(RS));
        return activity;
    }

    private static Meeting meeting(String id, String... people) {
        Meeting meeting = new Meeting(id, id, LocalTime.of(9, 0), 60);
        meeting.setUnit("");
        meeting.setParticipants(Set.of(people));
        return meeting;
    }

    private static List<Set<String>> parts(List<Activity> activities, List<Dependency> dependencies) {
        Schedule schedule = new Schedule("test", DAY, DAY.plusMonths(3), 5,
                new WorkingCalendar(DAY, DAY.plusMonths(3), Map.of(), List.of(), 1),
                new OfficeHours(LocalTime.of(8, 0), LocalTime.of(17, 0)), List.of(RS), dependencies, activities,
                ConstraintWeightOverrides.none());
        return Parts.of(schedule).stream()
                .map(part -> part.activities().stream().map(Activity::getId).collect(Collectors.toSet())).toList();
    }

    @Test
    void aDependencyAUnitsWeeklyLoadAndAPersonInTwoMeetingsJoinActivities() {
        Activity draft = activity("draft", "");
        Activity decision = activity("decision", "");
        Activity report = activity("report", "PoU");
        Activity forecast = activity("forecast", "PoU");
        Meeting dialogue = meeting("dialogue", "RD", "Budgetchef");
        Meeting reconciliation = meeting("reconciliation", "RD");
        Meeting other = meeting("other", "Direktör HR");
        Activity alone = activity("alone", "");
        List<Set<String>> parts = parts(List.of(draft, decision, report, forecast, dialogue, reconciliation, other, alone),
                List.of(new Dependency(draft, decision, 3, 0, LagUnit.WORKING_DAYS, "")));
        assertEquals(List.of(Set.of("draft", "decision"), Set.of("report", "forecast"), Set.of("dialogue", "reconciliation"),
                Set.of("other"), Set.of("alone")), parts, "largest first, ties in the schedule's order");
    }

    @Test
    void aBodyDoesNotJoinTheActivitiesItDecides() {
        // Both are decided by RS on its sittings: a fact no move changes, checked per activity.
        assertEquals(2, parts(List.of(activity("a", ""), activity("b", "")), List.of()).size());
    }

    @Test
    void aChainJoinsThroughEveryLink() {
        Activity a = activity("a", "");
        Activity b = activity("b", "HSF");
        Activity c = activity("c", "HSF");
        Meeting d = meeting("d", "RD");
        Meeting e = meeting("e", "RD");
        // a -> b by order, b ~ c by unit, c -> d by order, d ~ e by person: one part of five.
        List<Set<String>> parts = parts(List.of(a, b, c, d, e), List.of(new Dependency(a, b, 1, 0, LagUnit.WORKING_DAYS, ""),
                new Dependency(c, d, 1, 0, LagUnit.WORKING_DAYS, "")));
        assertEquals(List.of(Set.of("a", "b", "c", "d", "e")), parts);
    }
}
