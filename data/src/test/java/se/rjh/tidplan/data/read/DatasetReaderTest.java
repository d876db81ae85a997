package se.rjh.tidplan.data.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.Sitting;

class DatasetReaderTest {

    private static final Path SOURCE = Path.of("rjh-2021");

    private static Map<String, Activity> activities(Schedule schedule) {
        return schedule.getActivities().stream().collect(Collectors.toMap(Activity::getId, Function.identity()));
    }

    @Test
    void theDefaultDatasetHoldsEveryTidplanRowAndTheSeedMeetings() {
        Dataset dataset = DatasetReader.readDefault();
        Map<String, Activity> byId = activities(dataset.schedule());
        // The Tidplan's 110 rows, four of them split into one decision per body, and three meetings of the
        // other seeds: the planning day (003), the reconciliation of the steering dialogues and the 3 May
        // meeting (000).
        // Each committee's decision of its feedback report (Bilaga 7.1) is a step of its own too.
        assertEquals(110 + 4 + 3 + 2, byId.size());
        List<String> notFromTidplan = byId.values().stream()
                .filter(a -> a.getNote().matches(".*(inte i Tidplanen|ingen egen rad i Tidplanen).*")).map(Activity::getId)
                .sorted().toList();
        assertEquals(List.of("PD21", "RP22-ATERKOPPL-HSN", "RP22-ATERKOPPL-RUN", "RP22-MAJ-FINAL", "RP22-STYRDIALOG-AVST"), notFromTidplan);
        assertEquals(dataset.schedule().getActivities().size(), DatasetReader.read(SOURCE).schedule().getActivities().size());
    }

    @Test
    void trickyTidplanRowsAreKeptAsTheRegionWroteThem() {
        Map<String, Activity> byId = activities(DatasetReader.readDefault().schedule());
        // A shifted row with a dotted time and <b> markup in the seed.
        Meeting dialogue = assertInstanceOf(Meeting.class, byId.get("BD22-KOMM"));
        assertEquals("Budgetdialog utifrån PF, inför kommande 4 årsperiod med Regiondirektör och Direktör Kommunikationsstab",
                dialogue.getName());
        assertEquals(LocalTime.of(8, 40), dialogue.getPreferredStart());
        assertEquals(20, dialogue.getDurationMinutes());
        assertEquals(EnumSet.of(ProcessArea.B), dialogue.getProcesses());
        assertEquals(LocalDate.of(2021, 1, 13), dialogue.getBaselineDate());
        assertTrue(dialogue.getParticipants().contains("RD"));
        // "Beslut VP 2022 i RS o RUN": two decisions, each at its own body's sitting, the row verbatim in both.
        for (String id : List.of("VP22-RS", "VP22-RUN")) {
            assertEquals("Beslut VP 2022 i RS o RUN", byId.get(id).getName());
            assertEquals("RS/RUN", byId.get(id).getPoliticalColumn());
            assertEquals(List.of(id.substring(5)), byId.get(id).getBodies().stream().map(Body::getCode).toList());
        }
        // Five process letters at once, år i fokus and the x-marked columns verbatim.
        Activity kickOffReady = byId.get("PF22-KLAR");
        assertEquals(EnumSet.of(ProcessArea.P, ProcessArea.B, ProcessArea.I, ProcessArea.IK), kickOffReady.getProcesses());
        assertEquals("2022", kickOffReady.getYearInFocus());
        assertEquals("x", kickOffReady.getPoliticalColumn());
        Activity instructions = byId.get("TA-RSAU1");
        assertEquals("2021/2022", instructions.getYearInFocus());
        assertEquals(EnumSet.of(ProcessArea.P, ProcessArea.IK, ProcessArea.U), instructions.getProcesses());
        // An SKR forecast on a Saturday is kept as published and fixed.
        Activity forecast = byId.get("SKR-2102");
        assertTrue(forecast.isExternal() && forecast.isFixed());
        assertEquals(LocalDate.of(2021, 2, 13), forecast.getBaselineDate());
        // Bilaga 7.2 merged into the Tidplan row it matches.
        assertTrue(byId.get("PF22-MAJ1").getBrief().goal().startsWith("Att erhålla klartecken"));
        Meeting planningDay = assertInstanceOf(Meeting.class, byId.get("PD21"));
        assertEquals(LocalTime.of(9, 0), planningDay.getPreferredStart());
        assertEquals(360, planningDay.getDurationMinutes());
    }

    @Test
    void excelSavedFilesAreReadTheSame(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        // Excel in a Swedish locale: BOM, semicolons, CRLF.
        for (String file : List.of(DatasetReader.ACTIVITIES, DatasetReader.DEPENDENCIES)) {
            List<String> lines = new ArrayList<>();
            for (var record : org.apache.commons.csv.CSVFormat.DEFAULT.parse(
                    Files.newBufferedReader(copy.resolve(file)))) {
                lines.add(record.stream().map(v -> v.contains(";") ? "\"" + v + "\"" : v)
                        .collect(Collectors.joining(";")));
            }
            Files.writeString(copy.resolve(file), "\uFEFF" + String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        }
        Schedule excel = DatasetReader.read(copy).schedule();
        Schedule original = DatasetReader.read(SOURCE).schedule();
        assertEquals(original.getActivities().stream().map(Activity::getName).toList(),
                excel.getActivities().stream().map(Activity::getName).toList());
        assertEquals(original.getDependencies().size(), excel.getDependencies().size());
    }

    // --- Broken input: one line naming file, line and field.

    @Test
    void unknownBodyIsNamedWithFileLineAndField(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        replaceLine(copy.resolve(DatasetReader.ACTIVITIES), 3, line -> line.replace(",RS,PoU,", ",RS XU,PoU,"));
        assertError(copy, DatasetReader.ACTIVITIES + ":3: Body: unknown body 'RS XU'");
    }

    @Test
    void unknownActivityInADependency(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        int line = appendLine(copy.resolve(DatasetReader.DEPENDENCIES), "RP21-RS,NO-SUCH-STEP,1,0,working,test");
        assertError(copy, DatasetReader.DEPENDENCIES + ":" + line + ": After: unknown activity 'NO-SUCH-STEP'");
    }

    @Test
    void impossibleDate(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        replaceLine(copy.resolve(DatasetReader.ACTIVITIES), 2, line -> line.replace("2020-05-10", "2021-02-30"));
        assertError(copy, DatasetReader.ACTIVITIES + ":2: Datum: '2021-02-30' is not a date");
    }

    @Test
    void impossibleTime(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        replaceLine(copy.resolve(DatasetReader.ACTIVITIES), 20, line -> line.replace("13:00 - 15:00", "25:00 - 26:00"));
        assertError(copy, DatasetReader.ACTIVITIES + ":20: Tid: '25:00 - 26:00' is not a time range");
    }

    @Test
    void dependencyCycleIsNamed(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        int line = appendLine(copy.resolve(DatasetReader.DEPENDENCIES), "RP21-RF,RP21-CSG,1,0,working,loop");
        assertError(copy, DatasetReader.DEPENDENCIES + ":" + line
                + ": After: dependency cycle RP21-CSG -> RP21-RS -> RP21-RF -> RP21-CSG");
    }

    @Test
    void theSameOrderTwiceIsAnError(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        int line = appendLine(copy.resolve(DatasetReader.DEPENDENCIES), "RP21-CSG,RP21-RS,2,5,working,again");
        assertError(copy, DatasetReader.DEPENDENCIES + ":" + line + ": After: RP21-CSG -> RP21-RS is already line 2");
    }

    @Test
    void aSittingsSourceIsOneOfTheFive(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        replaceLine(copy.resolve(DatasetReader.SITTINGS), 2, line -> line.replace(",assumed,", ",guessed,"));
        assertError(copy, DatasetReader.SITTINGS + ":2: Source: 'guessed' is not a sitting source; write one of "
                + "Tidplan, protocol, assumed, to confirm, added");
    }

    @Test
    void aSittingsSourceIsWrittenAndReadBackAndMayBeLeftOut(@TempDir Path dir) throws IOException {
        Dataset dataset = DatasetReader.read(SOURCE);
        Path written = dir.resolve("written");
        se.rjh.tidplan.data.write.DatasetWriter.write(dataset.settings(), dataset.schedule(), written);
        Schedule again = DatasetReader.read(written).schedule();
        for (Body body : dataset.schedule().getBodies()) {
            Body read = again.getBodies().stream().filter(b -> b.getCode().equals(body.getCode())).findFirst().orElseThrow();
            body.getSittings().forEach(day -> assertEquals(body.getSitting(day), read.getSitting(day), body + " " + day));
        }
        // A dataset written before the column: its days say nothing of their source, and nothing is to confirm.
        Path old = copyDataset(dir.resolve("old"));
        List<String> lines = Files.readAllLines(old.resolve(DatasetReader.SITTINGS)).stream()
                .map(l -> String.join(",", Arrays.copyOf(l.split(",", -1), 2))).toList();
        Files.write(old.resolve(DatasetReader.SITTINGS), lines);
        Body rf = DatasetReader.read(old).schedule().getBodies().get(0);
        assertEquals(Sitting.UNSAID, rf.getSitting(rf.getSittings().first()));
    }

    @Test
    void aBufferNamesASettingOrGivesDays(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        int line = appendLine(copy.resolve(DatasetReader.DEPENDENCIES), "RP21-RS,VP21-HSN-FSG,1,MBL 41 §,working,typo");
        assertError(copy, DatasetReader.DEPENDENCIES + ":" + line + ": Buffer: 'MBL 41 §' is neither a number of days nor a"
                + " buffer named in settings.json's namedBuffers [MBL 14 §]");
        // A name is written back as the name, so that the setting stays the one place the number is.
        Dataset dataset = DatasetReader.read(SOURCE);
        Path written = dir.resolve("written");
        se.rjh.tidplan.data.write.DatasetWriter.write(dataset.settings(), dataset.schedule(), written);
        assertTrue(Files.readString(written.resolve(DatasetReader.DEPENDENCIES)).contains("VP21-HSN,BE21-HSF,1,MBL 14 §,working,"));
        assertEquals(10, DatasetReader.read(written).schedule().getDependencies().stream()
                .filter(d -> "MBL 14 §".equals(d.getBufferName())).mapToInt(d -> d.getBuffer()).max().orElseThrow());
    }

    @Test
    void theBoardsProposalInNovemberIsADatasetSettingThatStillAsksForTheTaxRateInOctober(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        Path settings = copy.resolve(DatasetReader.SETTINGS);
        Files.writeString(settings, Files.readString(settings).replace("\"budgetProposalInNovember\": false",
                "\"budgetProposalInNovember\": true"));
        Dataset november = DatasetReader.read(copy);
        Map<String, Activity> byId = activities(november.schedule());
        // KL 11 kap 8 §: for special reasons the proposal may come in November ...
        assertEquals(LocalDate.of(2021, 11, 30), byId.get("RP22-RS").getLatest());
        assertEquals(LocalDate.of(2020, 11, 30), byId.get("RP21-RS").getLatest());
        // ... RF's own deadline does not move, and RS must still propose the tax rate by the end of October.
        assertEquals(LocalDate.of(2021, 11, 30), byId.get("RP22-RF").getLatest());
        assertTrue(november.warnings().stream().anyMatch(w -> w.contains("RP22-RS may come in November")
                && w.contains("propose the tax rate (skattesats) by 2021-10-31")), november.warnings().toString());
        // A step for the tax rate by October answers the warning.
        int line = appendLine(copy.resolve(DatasetReader.ACTIVITIES),
                "SKATT22-RS,2021-10-26,,,B,,,,Förslag till skattesats 2022 i RS,2022,RS,,,,,,RS,PoU,,,2021-10-31,,,,");
        assertTrue(line > 0);
        assertTrue(DatasetReader.read(copy).warnings().stream().noneMatch(w -> w.contains("RP22-RS may come in November")));
    }

    @Test
    void duplicateId(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        replaceLine(copy.resolve(DatasetReader.ACTIVITIES), 3, line -> line.replace("RP21-RS,", "RP21-CSG,"));
        assertError(copy, DatasetReader.ACTIVITIES + ":3: Id: activity 'RP21-CSG' is listed twice");
    }

    @Test
    void missingColumn(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        replaceLine(copy.resolve(DatasetReader.DEPENDENCIES), 1, line -> line.replace("MinLag", "Lag"));
        assertError(copy, DatasetReader.DEPENDENCIES + ":1: MinLag: missing column");
    }

    @Test
    void emptyAndHeaderOnlyFiles(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        Files.writeString(copy.resolve(DatasetReader.BODIES), "");
        assertError(copy, DatasetReader.BODIES + ":1: the file is empty");
        // A broken file is not followed by a cascade of its consequences (every activity's "unknown body").
        assertEquals(1, assertThrows(InputException.class, () -> DatasetReader.read(copy)).lines().size());
        Path other = copyDataset(dir.resolve("b"));
        Files.writeString(other.resolve(DatasetReader.ACTIVITIES),
                Files.readAllLines(SOURCE.resolve(DatasetReader.ACTIVITIES)).get(0) + "\n");
        assertError(other, DatasetReader.ACTIVITIES + ": no activities");
        assertEquals(1, assertThrows(InputException.class, () -> DatasetReader.read(other)).lines().size());
    }

    @Test
    void notUtf8AndBinary(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        byte[] latin1 = Files.readString(copy.resolve(DatasetReader.BODIES)).getBytes(StandardCharsets.ISO_8859_1);
        Files.write(copy.resolve(DatasetReader.BODIES), latin1);
        assertError(copy, DatasetReader.BODIES + ": not UTF-8 text");
        Path other = copyDataset(dir.resolve("b"));
        Files.write(other.resolve(DatasetReader.SITTINGS), new byte[] {'B', 'o', 0, 1, 2, (byte) 0x7f});
        assertError(other, DatasetReader.SITTINGS + ": binary data");
    }

    @Test
    void aFileTooLargeIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        byte[] megabyte = "RS,2021-06-07,x\n".repeat(65536).getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(copy.resolve(DatasetReader.SITTINGS))) {
            for (long written = 0; written <= CsvTable.MAX_BYTES; written += megabyte.length) {
                out.write(megabyte);
            }
        }
        assertError(copy, DatasetReader.SITTINGS + ": the file is larger than 50 MB");
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsAnError(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        int line = appendLine(copy.resolve(DatasetReader.DEPENDENCIES), "RP21-RS,RP21-RF,7,7,calendar,the \"kungörelse\"");
        assertError(copy, DatasetReader.DEPENDENCIES + ":" + line + ": Reason: a quote inside an unquoted cell");
    }

    @Test
    void aFileCutOffInsideAQuotedCellIsReportedWhereTheCellStarts(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        Path file = copy.resolve(DatasetReader.DEPENDENCIES);
        List<String> lines = Files.readAllLines(file);
        int quoted = 1 + lines.indexOf(lines.stream().filter(l -> l.endsWith("\"")).findFirst().orElseThrow());
        String text = String.join("\n", lines.subList(0, quoted - 1)) + "\n" + lines.get(quoted - 1);
        Files.writeString(file, text.substring(0, text.length() - 3));
        assertError(copy, DatasetReader.DEPENDENCIES + ":" + quoted + ": Reason: the file ends inside a quoted cell");
    }

    @Test
    void aFileCutOffInTheMiddleOfARowIsNotReadAsFewerRows(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        Path file = copy.resolve(DatasetReader.SITTINGS);
        List<String> lines = Files.readAllLines(file);
        // "RS,2020-05-15,Tidplan," cut after its Source: the file's last row has three of its four cells.
        String text = String.join("\n", lines.subList(0, 9)) + "\n" + lines.get(9).substring(0, lines.get(9).lastIndexOf(','));
        Files.writeString(file, text);
        assertError(copy, DatasetReader.SITTINGS + ":10: Source: the file ends in the middle of a row (3 of 4 cells)");
    }

    @Test
    void brokenSettings(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        Files.writeString(copy.resolve(DatasetReader.SETTINGS), "{ \"name\": \"x\",\n  \"horizon\": ");
        InputException e = assertThrows(InputException.class, () -> DatasetReader.read(copy));
        assertTrue(e.getMessage().startsWith(copy.resolve(DatasetReader.SETTINGS) + ":2: invalid settings"), e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce(@TempDir Path dir) throws IOException {
        Path copy = copyDataset(dir);
        replaceLine(copy.resolve(DatasetReader.ACTIVITIES), 2, line -> line.replace("2020-05-10", "2021-02-30"));
        replaceLine(copy.resolve(DatasetReader.ACTIVITIES), 3, line -> line.replace(",RS,PoU,", ",RS XU,PoU,"));
        int line = appendLine(copy.resolve(DatasetReader.DEPENDENCIES), "RP21-RS,NO-SUCH-STEP,1,0,working,test");
        replaceLine(copy.resolve(DatasetReader.SITTINGS), 2, l -> l.replace("RF,", "KF,"));
        InputException e = assertThrows(InputException.class, () -> DatasetReader.read(copy));
        assertEquals(List.of(
                copy.resolve(DatasetReader.SITTINGS) + ":2: Body: unknown body 'KF'",
                copy.resolve(DatasetReader.ACTIVITIES) + ":2: Datum: '2021-02-30' is not a date",
                copy.resolve(DatasetReader.ACTIVITIES) + ":3: Body: unknown body 'RS XU'",
                copy.resolve(DatasetReader.DEPENDENCIES) + ":" + line + ": After: unknown activity 'NO-SUCH-STEP'"),
                e.lines().stream().map(l -> l.replaceAll("(unknown [a-z]+ '[^']+').*", "$1")
                        .replaceAll("(is not a date).*", "$1")).toList());
    }

    private static void assertError(Path dataset, String expectedStart) {
        InputException e = assertThrows(InputException.class, () -> DatasetReader.read(dataset));
        String expected = dataset.resolve(expectedStart).toString();
        String first = e.lines().get(0);
        assertTrue(first.startsWith(expected), "expected '" + expected + "...' but got '" + first + "'");
        e.lines().forEach(line -> assertFalse(line.contains("\n"), "one line: " + line));
    }

    static Path copyDataset(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(SOURCE)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    private static void replaceLine(Path file, int lineNumber, Function<String, String> change) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String changed = change.apply(lines.get(lineNumber - 1));
        assertFalse(changed.equals(lines.get(lineNumber - 1)), "the test's change did not apply to line " + lineNumber);
        lines.set(lineNumber - 1, changed);
        Files.write(file, lines);
    }

    private static int appendLine(Path file, String line) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(line);
        Files.write(file, lines);
        return lines.size();
    }
}
