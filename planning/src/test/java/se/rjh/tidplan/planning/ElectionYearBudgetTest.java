package se.rjh.tidplan.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.transform.RollForward;
import se.rjh.tidplan.data.write.DatasetWriter;
import se.rjh.tidplan.model.Activity;

class ElectionYearBudgetTest {

    @Test
    void rollingIntoAnElectionYearLetsTheNewCouncilSetTheBudget(@TempDir Path dir) {
        RollForward.Result result = Planner.rollForward(Planner.load(null), 2022, null);
        Path out = dir.resolve("rjh-2022");
        DatasetWriter.write(result.settings(), result.schedule(), out);
        Dataset rolled = Planner.load(out);
        Map<String, Activity> byId = rolled.schedule().getActivities().stream()
                .collect(Collectors.toMap(Activity::getId, Function.identity()));
        // 2022 is an election year: the new RF, in office from 15 October, sets the budget for 2023 (KL 11:10).
        Activity rf = byId.get("RP23-RF");
        assertEquals(LocalDate.of(2022, 10, 15), rf.getEarliest());
        assertEquals(LocalDate.of(2022, 11, 30), rf.getLatest());
        assertTrue(!rf.getBaselineDate().isBefore(rf.getEarliest()) && !rf.getBaselineDate().isAfter(rf.getLatest()),
                rf.getBaselineDate().toString());
        assertTrue(rf.getBodies().get(0).sitsOn(rf.getBaselineDate()), "RF must sit on " + rf.getBaselineDate());
        // The steps before it moved with it: RS still decides at least a week before RF, by 31 October.
        Activity rs = byId.get("RP23-RS");
        assertTrue(rs.getBaselineDate().isAfter(LocalDate.of(2022, 9, 1)) && !rs.getBaselineDate().isAfter(rs.getLatest())
                && !rs.getBaselineDate().plusDays(7).isAfter(rf.getBaselineDate()), rs.getBaselineDate().toString());
        assertTrue(result.notes().stream().anyMatch(n -> n.startsWith("RP23-RF sets the budget for 2023 in 2022, an election year")
                && n.contains("KL 11 kap 10 §")), result.notes().toString());
        // The RF sitting added for it is to be confirmed, and says so.
        String note = rf.getBodies().get(0).getSitting(rf.getBaselineDate()).describe();
        assertTrue(note.startsWith("added: the newly elected RF sets the budget for 2023 (KL 11 kap 10 §)"), note);
        // Nothing left for validate to warn about, every rule can be met, and it lists the sittings to confirm.
        assertTrue(rolled.warnings().isEmpty(), rolled.warnings().toString());
        Planner.Validation validation = Planner.validate(rolled);
        assertTrue(validation.ready(), validation.unmeetable().toString());
        assertTrue(validation.toConfirm().contains("RF " + rf.getBaselineDate() + ": " + note), validation.toConfirm().toString());
    }
}
