package se.rjh.tidplan.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.write.CalendarCsvWriter;

/**
 * A minimal re-plan of the neighbourhood a change reaches gives the calendar a re-plan of the whole calendar gives,
 * on the four standard changes of benchmarks/RESULTS.md, from the region's solved calendar on 1 May 2021: the same
 * activities moved to the same days, the same score (within 0.1 %), and for a change no calendar meets the same
 * broken rules reported.
 */
class NeighbourhoodReplanTest {

    private static final LocalDate TODAY = LocalDate.of(2021, 5, 1);
    private static CalendarFile.Content solved;

    @BeforeAll
    static void solveTheRegion() {
        Dataset region = Planner.load(null);
        solved = CalendarFile.read("solved.csv", CalendarCsvWriter.text(
                Planner.solve(region, Planner.Search.of(region, 1), best -> { }, StopSignal.none()).schedule()));
    }

    static Stream<Arguments> standardChanges() {
        return Stream.of(
                Arguments.of(List.of(new Replanner.MoveSitting("RF", LocalDate.of(2021, 6, 21), LocalDate.of(2021, 6, 14))),
                        true),
                Arguments.of(List.of(new Replanner.CancelSitting("RS", LocalDate.of(2021, 6, 7))), true),
                Arguments.of(List.of(new Replanner.MoveForecast(LocalDate.of(2021, 4, 29), LocalDate.of(2021, 5, 6))), true),
                // An honest pin now needs RF to sit that day; RS's decision of 7 June is then too close before it.
                Arguments.of(List.of(new Replanner.AddSitting("RF", LocalDate.of(2021, 6, 8)),
                        new Replanner.Pin("RP22-RF", LocalDate.of(2021, 6, 8))), false));
    }

    @ParameterizedTest
    @MethodSource("standardChanges")
    void theNeighbourhoodGivesTheWholeReplansCalendar(List<Replanner.Change> changes, boolean meetable) {
        Replanner.Result whole = replan(changes, Replanner.Reach.WHOLE);
        Replanner.Result neighbourhood = replan(changes, Replanner.Reach.NEIGHBOURHOOD);

        assertEquals(meetable, whole.futureKeepsTheRules(), whole.blockers().toString());
        assertFalse(whole.moves().isEmpty(), "the change moves something");
        assertEquals(moved(whole), moved(neighbourhood));
        long wholeSoft = whole.score().softScore();
        assertTrue(Math.abs(neighbourhood.score().softScore() - wholeSoft) <= Math.abs(wholeSoft) / 1000,
                neighbourhood.score() + " against " + whole.score());
        assertEquals(whole.score().hardScore(), neighbourhood.score().hardScore());
        assertEquals(broken(whole), broken(neighbourhood));
        assertTrue(neighbourhood.searched() < whole.searched(),
                "searched " + neighbourhood.searched() + " of " + whole.searched() + " activities");
    }

    private static Replanner.Result replan(List<Replanner.Change> changes, Replanner.Reach reach) {
        Dataset region = Planner.load(null);
        return Planner.replan(() -> Planner.load(null), solved, TODAY, changes, false,
                Planner.Search.of(region, Planner.REPLAN_SHARE).onCores(1), best -> { }, StopSignal.none(), reach);
    }

    /** Each moved activity's Id and new day and time. */
    private static Map<String, String> moved(Replanner.Result result) {
        return result.moves().stream().collect(java.util.stream.Collectors.toMap(Replanner.Moved::id,
                m -> m.newDate() + " " + m.newStart(), (a, b) -> a, java.util.TreeMap::new));
    }

    /** Each broken hard rule reported: the rule and what it says. */
    private static List<String> broken(Replanner.Result result) {
        return Stream.concat(result.blockers().stream(), result.past().stream())
                .map(b -> b.constraint() + ": " + b.finding().description()).sorted().toList();
    }
}
