package se.rjh.tidplan.data.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.Schedule;

/**
 * The orders the import infers from the Tidplan alone, checked against the region's dataset, whose chains were
 * read by hand from all the seeds: every inferred order is one the region's dataset has too.
 */
class ImportedOrdersTest {

    private static final Path SEED = Path.of("seed", "tidplan-2021.txt");

    @Test
    void everyOrderTheImportInfersIsAnOrderOfTheRegionsDataset() {
        Schedule imported = CalendarImporter.toDataset(CalendarFile.read(SEED), "Tidplan 2021").schedule();
        Schedule region = DatasetReader.readDefault().schedule();
        // A row of the Tidplan is the region's activity of the same name and hand-made date (a row split into one
        // decision per body is each of them).
        Map<String, List<Activity>> regionRows = new HashMap<>();
        region.getActivities().forEach(a -> regionRows.computeIfAbsent(a.getName() + "@" + a.getBaselineDate(),
                k -> new ArrayList<>()).add(a));
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (Dependency inferred : imported.getDependencies()) {
            List<Activity> before = regionRows.getOrDefault(key(inferred.getBefore()), List.of());
            List<Activity> after = regionRows.getOrDefault(key(inferred.getAfter()), List.of());
            if (before.isEmpty() || after.isEmpty()) {
                continue;
            }
            checked++;
            boolean ordered = before.stream().anyMatch(b -> after.stream().anyMatch(a -> reaches(region, b, a)));
            if (!ordered) {
                disagreements.add(inferred.getBefore().getName() + " -> " + inferred.getAfter().getName() + " ("
                        + inferred.getReason() + ")");
            }
        }
        assertTrue(checked >= 35, "inferred orders compared: " + checked);
        assertEquals(List.of(), disagreements);
    }

    private static String key(Activity activity) {
        return activity.getName() + "@" + activity.getBaselineDate();
    }

    private static boolean reaches(Schedule schedule, Activity from, Activity to) {
        Deque<Activity> todo = new ArrayDeque<>(List.of(from));
        Set<Activity> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Activity current = todo.pop();
            for (Dependency d : schedule.getDependencies()) {
                if (d.getBefore() == current && seen.add(d.getAfter())) {
                    if (d.getAfter() == to) {
                        return true;
                    }
                    todo.push(d.getAfter());
                }
            }
        }
        return false;
    }
}
