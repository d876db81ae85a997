package se.rjh.tidplan.data.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;

class CalendarCsvWriterTest {

    @Test
    void writesTheRegionsColumnsSortedAndVerbatim(@TempDir Path dir) throws IOException {
        Schedule schedule = DatasetReader.readDefault().schedule();
        schedule.getActivities().forEach(a -> {
            a.setDate(a.getBaselineDate());
            if (a instanceof Meeting meeting) {
                meeting.setStart(meeting.getPreferredStart());
            }
        });
        Path out = dir.resolve("tidplan.csv");
        CalendarCsvWriter.write(schedule, out);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(String.join(",", List.of("Id", "Datum", "Tid", "P", "B", "I", "IK", "U", "Aktivitet", "År i fokus",
                "Politiska styrelser och nämnder", "\"Samverkan (CSG, FSG, VSG)\"", "\"Central ledning (CLG, RSBG)\"",
                "Verksamhet med stöd från stab", "Ekonomi staben/ Enheten PoU", "Kommentar", "Baseline", "Moved")),
                lines.get(0));
        assertEquals(schedule.getActivities().size() + 1, lines.size());
        assertTrue(lines.contains("BD22-KOMM,2021-01-13,08:40 - 09:00,,B,,,,\"Budgetdialog utifrån PF, inför kommande 4 årsperiod"
                + " med Regiondirektör och Direktör Kommunikationsstab\",2022,,,x,,x,,2021-01-13,0"), lines.toString());
        // The Tidplan's own comment stays with its row.
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("PF22-RS,") && l.contains(",x,\"Kanske lite tidigt datum, i slutet av mars bättre!\",")),
                lines.toString());
        List<String> dates = lines.subList(1, lines.size()).stream().map(l -> l.split(",")[1]).toList();
        assertEquals(dates.stream().sorted().toList(), dates);
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("tidplan.csv");
        Files.writeString(out, "previous calendar\n");
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(out, stream -> {
            stream.write("half a calen".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("interrupted");
        }));
        assertEquals("previous calendar\n", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList());
        }
    }
}
