package se.rjh.tidplan.solver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.junit.jupiter.api.Test;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.OfficeHours;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;
import se.rjh.tidplan.solver.Region;
import se.rjh.tidplan.solver.TidplanSolver;

class ChainShiftMoveTest {

    private static final LocalDate MONDAY = LocalDate.of(2021, 6, 7);

    private final Activity draft = new Activity("draft", "Underlag klart");
    private final Activity decision = new Activity("RS", "RS beslutar");
    private final Activity rf = new Activity("RF", "RF beslutar");
    private final ChainShiftMoveFactory factory = new ChainShiftMoveFactory();

    /** draft --3 working days--> RS decision --7 days--> RF decision; RS sits 7 and 21 June, RF 14 and 28 June. */
    private void chain() {
        decision.setBodies(List.of(new Body("RS", "Regionstyrelsen", List.of(MONDAY, MONDAY.plusWeeks(2)))));
        rf.setBodies(List.of(new Body("RF", "Regionfullmäktige", List.of(MONDAY.plusWeeks(1), MONDAY.plusWeeks(3)))));
        Schedule schedule = new Schedule("test", LocalDate.of(2021, 5, 1), LocalDate.of(2021, 8, 31), 15,
                new WorkingCalendar(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), Map.of(), List.of(), 1),
                new OfficeHours(LocalTime.of(8, 0), LocalTime.of(17, 0)), List.of(),
                List.of(new Dependency(draft, decision, 3, 0, LagUnit.WORKING_DAYS, ""),
                        new Dependency(decision, rf, 7, 0, LagUnit.CALENDAR_DAYS, "")),
                List.of(draft, decision, rf), ConstraintWeightOverrides.none());
        CandidateValues.assign(schedule);
        draft.setDate(LocalDate.of(2021, 6, 2));
        decision.setDate(MONDAY);
        rf.setDate(MONDAY.plusWeeks(1));
        factory.index(schedule);
    }

    @Test
    void movingAStepLaterPushesTheStepsAfterItToTheirNextSittings() {
        chain();
        ChainShiftMove move = factory.shift(draft, LocalDate.of(2021, 6, 4));
        assertEquals("draft -> 2021-06-04, RS -> 2021-06-21, RF -> 2021-06-28", move.toString());
    }

    @Test
    void movingAStepEarlierPullsTheStepsBeforeIt() {
        chain();
        draft.setDate(LocalDate.of(2021, 6, 16));
        decision.setDate(MONDAY.plusWeeks(2));
        rf.setDate(MONDAY.plusWeeks(3));
        ChainShiftMove move = factory.shift(decision, MONDAY);
        assertEquals("RS -> 2021-06-07, draft -> 2021-06-02", move.toString());
    }

    @Test
    void aShiftThatMovesNothingElseIsLeftToTheChangeMove() {
        chain();
        assertNull(factory.shift(draft, LocalDate.of(2021, 6, 1)));
    }

    @Test
    void chainShiftsKeepTheIncrementalScoreExact() {
        // FULL_ASSERT recalculates the score after every move and undo; only chain shifts are tried.
        TidplanSolver.Options options = new TidplanSolver.Options(Duration.ofSeconds(60), 2_000, 7,
                EnvironmentMode.FULL_ASSERT);
        var config = TidplanSolver.domain(options).withPhases(new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(ChainShiftMoveFactory.class))
                .withTerminationConfig(new TerminationConfig().withMoveCountLimit(2_000L)));
        Schedule start = Region.schedule();
        HardSoftLongScore before = TidplanSolver.analyze(start).score();
        Schedule solved = SolverFactory.<Schedule>create(config).buildSolver().solve(start);
        assertTrue(solved.getScore().compareTo(before) > 0, before + " -> " + solved.getScore()); // shifts were made
    }
}
