package se.rjh.tidplan.data.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.data.transform.CalendarImporter;
import se.rjh.tidplan.data.write.DatasetWriter;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.ProcessArea;

/** Reading hand-made calendars: the Tidplan text as copied from its PDF, Excel CSV, and importing them. */
class CalendarFileTest {

    static final Path SEED = Path.of("seed/tidplan-2021.txt");

    private static CalendarRow row(CalendarFile.Content content, LocalDate date, String nameStart) {
        return content.rows().stream().filter(r -> r.date().equals(date) && r.name().startsWith(nameStart))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + date + " " + nameStart));
    }

    @Test
    void theSeedTidplanGivesAll110RowsAndSaysWhatItSkipped() {
        CalendarFile.Content content = CalendarFile.read(SEED);
        assertEquals(110, content.rows().size());
        assertEquals(0, content.merged());
        assertTrue(content.skipped().stream().noneMatch(CalendarFile.Skipped::bad), content.skipped().toString());
        // The preamble (title and the process legend), the two header rows, and the 59 lines of the trailing
        // table less the 18 that are put back on their rows.
        assertEquals(7, content.skipped().stream().filter(s -> s.reason().startsWith("preamble")).count());
        assertEquals(1, content.skipped().stream().filter(s -> s.reason().equals("the header row")).count());
        assertEquals(1, content.skipped().stream().filter(s -> s.reason().equals("the header row of the trailing table")).count());
        assertEquals(59 - 18, content.skipped().stream().filter(s -> s.reason().startsWith("a line of the trailing table")).count());
        assertTrue(content.notes().contains("The trailing table (Verksamhet med stöd från stab, Ekonomi staben/ Enheten PoU, "
                + "Kommentar): 18 of 59 lines put back on their rows"), content.notes().toString());
    }

    @Test
    void theTrailingTableGoesBackOnItsRowsWhereThatIsCertain() {
        CalendarFile.Content content = CalendarFile.read(SEED);
        // Page 3: thirteen rows and thirteen lines, line by line.
        CalendarRow closing = row(content, LocalDate.of(2021, 1, 13), "Redovisningen stänger");
        assertEquals(List.of("", "x", ""), List.of(closing.operations(), closing.finance(), closing.comment()));
        assertEquals("(Allmän utveckling, Analys måluppfyllelse)",
                row(content, LocalDate.of(2021, 1, 18), "Årsrapport; VO/stab rapportering").comment());
        assertEquals("Bilaga till PF", row(content, LocalDate.of(2021, 1, 25), "Uppföljningsplan för 2021 i CLG").comment());
        // Page 2: the comment names the majority meeting ("avstämning"), and the three lines before it are as
        // many as the rows before it.
        assertEquals("Avstämning och dialog planeringsförutsättningar. Specifik dialog kring lönestrategier",
                row(content, LocalDate.of(2020, 12, 11), "PF år 2022 avstämning och information med majoriteten").comment());
        CalendarRow basicUnits = row(content, LocalDate.of(2020, 12, 3), "Basenheternas budget- o aktivitetsplaner år 2021 inom RUF");
        assertEquals(List.of("x", "", "Ta höjd i tid för en MBL 14§"),
                List.of(basicUnits.operations(), basicUnits.finance(), basicUnits.comment()));
        // Page 4: "Avslutande avstämning" stands on the only row of its page with "slutavstämning".
        assertEquals("Avslutande avstämning och dialog planeringsförutsättningar",
                row(content, LocalDate.of(2021, 1, 29), "PF år 2022 slutavstämning med politisk majoritet").comment());
        // Page 5: "Kanske lite tidigt datum ..." shares no word with a row, and its page dropped ten empty rows:
        // it is reported, not guessed.
        assertTrue(content.rows().stream().noneMatch(r -> r.comment().startsWith("Kanske")));
        assertTrue(content.skipped().stream().anyMatch(s -> s.line() == 180 && s.reason().startsWith("a line of the trailing table")));
    }

    @Test
    void trickyRowsAreReadByTheirContent() {
        CalendarFile.Content content = CalendarFile.read(SEED);
        // A time with dots, an empty cell dropped by the PDF copy, and <b> markup.
        CalendarRow dialogue = row(content, LocalDate.of(2021, 1, 13), "Budgetdialog utifrån PF, inför kommande 4 årsperiod med Regiondirektör och Direktör Kommunikationsstab");
        assertEquals(LocalTime.of(8, 40), dialogue.start());
        assertEquals(LocalTime.of(9, 0), dialogue.end());
        assertEquals(EnumSet.of(ProcessArea.B), dialogue.processes());
        assertFalse(dialogue.name().contains("<b>"));
        assertEquals("2022", dialogue.yearInFocus());
        assertEquals("x", dialogue.management());
        // Four process letters on one row.
        assertEquals(EnumSet.of(ProcessArea.P, ProcessArea.B, ProcessArea.I, ProcessArea.IK),
                row(content, LocalDate.of(2021, 2, 9), "PF klart").processes());
        // A combined body and a year span.
        assertEquals("RS/RUN", row(content, LocalDate.of(2021, 12, 23), "Beslut VP 2022").political());
        assertEquals("2021/2022", row(content, LocalDate.of(2021, 1, 26), "Tillämpningsanvisningar").yearInFocus());
        // Both the political and the collaboration column filled.
        CalendarRow fsg = row(content, LocalDate.of(2021, 2, 25), "Årsrapport; för information i FSG");
        assertEquals("x", fsg.political());
        assertEquals("FSG", fsg.collaboration());
        // Each administration has its own FSG, where the row says which.
        assertEquals(List.of("FSG HSF"), row(content, LocalDate.of(2020, 10, 5), "VP år 2021 HSN samverkas i FSG (HSF)").bodies());
        assertEquals(List.of("FSG RUF"), row(content, LocalDate.of(2021, 9, 29), "RUN:s beslut om VP").bodies());
        assertEquals(List.of("FSG"), fsg.bodies());
    }

    @Test
    void droppedTrailingCellsArePlacedByWhatTheyHold() {
        assertEquals(List.of("2020", "", "FSG", ""), List.of(CalendarFile.alignTail(List.of("2020", "FSG"))));
        assertEquals(List.of("2022", "", "", "CLG"), List.of(CalendarFile.alignTail(List.of("2022", "CLG"))));
        assertEquals(List.of("2021", "RS AU", "", ""), List.of(CalendarFile.alignTail(List.of("2021", "RS AU"))));
        assertEquals(List.of("", "x", "", "CLG"), List.of(CalendarFile.alignTail(List.of("", "x", "CLG"))));
    }

    @Test
    void anExcelExportOfTheTableReadsTheSame(@TempDir Path dir) throws IOException {
        CalendarFile.Content text = CalendarFile.read(SEED);
        List<String> lines = new ArrayList<>();
        lines.add("Datum;Tid;P;B;I;IK;U;Aktivitet;År i fokus;Politiska styrelser och nämnder;Samverkan (CSG, FSG, VSG);Central ledning (CLG, RSBG)");
        for (CalendarRow r : text.rows()) {
            lines.add(String.join(";", r.date().toString(), r.start() == null ? "" : r.start() + " - " + r.end(),
                    mark(r, ProcessArea.P), mark(r, ProcessArea.B), mark(r, ProcessArea.I), mark(r, ProcessArea.IK), mark(r, ProcessArea.U),
                    "\"" + r.name() + "\"", r.yearInFocus(), r.political(), r.collaboration(), r.management()));
        }
        Path csv = dir.resolve("tidplan.csv");
        Files.writeString(csv, "\uFEFF" + String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        CalendarFile.Content excel = CalendarFile.read(csv);
        assertEquals(text.rows().stream().map(r -> r.date() + r.name() + r.start() + r.processes()).toList(),
                excel.rows().stream().map(r -> r.date() + r.name() + r.start() + r.processes()).toList());
    }

    private static String mark(CalendarRow row, ProcessArea process) {
        return row.processes().contains(process) ? process.name() : "";
    }

    @Test
    void importingTheSeedGivesADatasetThatReadsBack(@TempDir Path dir) {
        CalendarImporter.Result result = CalendarImporter.toDataset(CalendarFile.read(SEED), "Tidplan 2021");
        Path out = dir.resolve("imported");
        DatasetWriter.write(result.settings(), result.schedule(), out);
        Dataset dataset = DatasetReader.read(out);
        Map<String, Activity> byName = new java.util.HashMap<>();
        dataset.schedule().getActivities().forEach(a -> byName.putIfAbsent(a.getName() + "@" + a.getBaselineDate(), a));
        assertEquals(110, dataset.schedule().getActivities().size());
        Activity combined = byName.get("Beslut VP 2022 i RS o RUN@2021-12-23");
        assertEquals(List.of("RS", "RUN"), combined.getBodies().stream().map(Body::getCode).toList());
        assertEquals(List.of("RS AU"), byName.get("PF beslutas i Rsau@2021-02-16").getBodies().stream().map(Body::getCode).toList());
        assertTrue(byName.get("SKR presenterar Skatteunderlagsprognos (Prel. Datum)@2021-02-13").isExternal());
        // A body that sits on a Sunday in the hand-made calendar gets no sitting that day, and the user is told.
        Map<String, Body> bodies = dataset.schedule().getBodies().stream().collect(Collectors.toMap(Body::getCode, Function.identity()));
        assertFalse(bodies.get("CSG").sitsOn(LocalDate.of(2020, 5, 10)));
        assertTrue(bodies.get("RS").sitsOn(LocalDate.of(2021, 6, 7)));
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("CSG cannot sit on 2020-05-10 (Sunday)")), result.notes().toString());
        // The matter twice in RS AU is noted; the trailing table's marks and comments come along where certain.
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("is the same matter in RS AU as")), result.notes().toString());
        Activity majority = byName.get("PF år 2022 avstämning och information med majoriteten@2020-12-11");
        assertEquals("Avstämning och dialog planeringsförutsättningar. Specifik dialog kring lönestrategier", majority.getComment());
        assertEquals("PoU", byName.get("Redovisningen stänger@2021-01-13").getUnit());
        assertEquals("RUF", byName.get("Basenheternas budget- o aktivitetsplaner år 2021 inom RUF klart med samverkan i VSG alt. FSG@2020-12-03").getUnit());
        assertEquals(List.of("FSG HSF"), byName.get("VP år 2021 HSN samverkas i FSG (HSF)@2020-10-05").getBodies().stream()
                .map(Body::getCode).toList());
        // The process chain it recognises: PF goes RS AU then RS; Regionplan 2021 RS then RF, 7 calendar days.
        List<String> chains = dataset.schedule().getDependencies().stream()
                .map(d -> d.getBefore().getName() + " -> " + d.getAfter().getName() + " " + d.getMinLag()).toList();
        assertTrue(chains.contains("PF beslutas i Rsau -> PF beslutas i RS 1"), chains.toString());
        assertTrue(chains.contains("PF samverkas i CSG -> PF beslutas i RS 1"), chains.toString());
        assertTrue(chains.contains("Regionplan 2021 beslutas i RS -> Regionplan 2021 beslutas i RF 7"), chains.toString());
        // Recognised matters whatever their step's wording: the annual report from CLG through RS AU to RS and RF,
        // each interim report its own matter, VP 2022's co-determination in RUF's FSG before RUN's decision.
        assertTrue(chains.contains("Årsredovisning; förslag bereds i CLG o RD godkänner rapporten -> Årsredovisning; bereds i RS 1"), chains.toString());
        // An item only "för information" in CSG or FSG is not negotiated: it prepares no decision (the region's
        // dataset orders neither the annual report's CSG item nor the annual reports' FSG item before a step).
        assertTrue(chains.stream().noneMatch(c -> c.contains("för information i") && c.indexOf("för information i") < c.indexOf(" -> ")),
                chains.toString());
        assertTrue(chains.contains("Årsredovisning; bereds i RS-AU -> Årsredovisning; bereds i RS 1"), chains.toString());
        assertTrue(chains.contains("Årsredovisning; bereds i RS -> Årsredovisning; behandlas i RF 7"), chains.toString());
        assertTrue(chains.contains("Delårsrapport 2 i CLG -> Delårsrapport 2 i RS 1"), chains.toString());
        assertFalse(chains.contains("Delårsrapport 2 i CLG -> Delårsrapport 1 i RS 1"), chains.toString());
        assertTrue(chains.contains("RUN:s beslut om VP och budget samverkad i FSG -> Beslut VP 2022 i RS o RUN 1"), chains.toString());
        assertTrue(chains.contains("RSau Beslutar Regionplan inkl.budgetramar för kommande 4 årsperiod -> "
                + "RS Beslutar Regionplan inkl.budgetramar för kommande 4 årsperiod 1"), chains.toString());
        // The law's windows, each with its reason in the Note.
        Activity budgetInRs = byName.get("Regionplan 2021 beslutas i RS@2020-05-15");
        assertEquals(LocalDate.of(2020, 10, 31), budgetInRs.getLatest());
        assertTrue(budgetInRs.getNote().contains("KL 11 kap 8 §"), budgetInRs.getNote());
        assertEquals(LocalDate.of(2020, 11, 30), byName.get("Regionplan 2021 beslutas i RF@2020-06-19").getLatest());
        assertEquals(LocalDate.of(2020, 12, 31), byName.get("VP år 2021 beslutas i RUN@2020-10-10").getLatest());
        assertEquals(LocalDate.of(2021, 4, 15), byName.get("Årsredovisning; bereds i RS@2021-04-13").getLatest());
        assertTrue(byName.get("Årsredovisning; bereds i RS@2021-04-13").getNote().contains("KL 11 kap 19 §"));
        assertTrue(byName.get("Regionplan 2021 beslutas i RF@2020-06-19").getNote().contains("KL 11 kap 10 §"));
        assertEquals(LocalDate.of(2021, 6, 30), byName.get("Årsredovisning; behandlas i RF@2021-04-28").getLatest());
        assertEquals(LocalDate.of(2021, 10, 31), byName.get("Delårsrapport 2 i RS@2021-10-26").getLatest());
        assertEquals(LocalDate.of(2021, 9, 1), byName.get("Stopppdatum för delårsrapport per augusti@2021-10-01").getEarliest());
        assertEquals(LocalDate.of(2021, 1, 1), byName.get("Redovisningen stänger@2021-01-13").getEarliest());
        // Internal control is set at the committees' first sitting of the year, not before the year: no window.
        Activity internalControl = byName.get("Nämnderna fastställer internkontrollplan för 2021 vid första sammanträdet för året@2021-02-01");
        assertNull(internalControl.getLatest());
        assertTrue(result.notes().stream().anyMatch(n -> n.matches(".*no chain for \\d+ rows .*")), result.notes().toString());
        // Nothing of a previous import is overwritten.
        assertThrows(InputException.class, () -> DatasetWriter.write(result.settings(), result.schedule(), out));
    }

    @Test
    void anExcelWorkbookReadsAsTheSameCalendarAsItsCsv(@TempDir Path dir) {
        Dataset region = DatasetReader.readDefault();
        region.schedule().getActivities().forEach(a -> a.setDate(a.getBaselineDate()));
        Path csv = dir.resolve("tidplan.csv");
        Path xlsx = dir.resolve("tidplan.xlsx");
        se.rjh.tidplan.data.write.CalendarCsvWriter.write(region.schedule(), csv);
        se.rjh.tidplan.data.write.XlsxWriter.write(region.schedule(), xlsx);
        CalendarFile.Content fromCsv = CalendarFile.read(csv);
        CalendarFile.Content fromWorkbook = CalendarFile.read(xlsx);
        assertEquals(fromCsv.rows().stream().map(r -> r.id() + r.date() + r.start() + r.end() + r.name() + r.processes()).toList(),
                fromWorkbook.rows().stream().map(r -> r.id() + r.date() + r.start() + r.end() + r.name() + r.processes()).toList());
        assertEquals(region.schedule().getActivities().size(), fromWorkbook.rows().size());
    }

    @Test
    void aBrokenWorkbookIsAClearError(@TempDir Path dir) throws IOException {
        Path broken = Files.write(dir.resolve("tidplan.xlsx"), "not a workbook".getBytes(StandardCharsets.UTF_8));
        InputException e = assertThrows(InputException.class, () -> CalendarFile.read(broken));
        assertTrue(e.getMessage().startsWith(broken + ": not a readable Excel workbook (.xlsx)"), e.getMessage());
    }

    @Test
    void brokenCalendarsGiveAClearError(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertMessage(empty, "empty.txt:1: the file is empty");
        Path headerOnly = Files.writeString(dir.resolve("header.csv"), "Datum,Tid,Aktivitet\n");
        assertMessage(headerOnly, "header.csv: no calendar rows");
        Path binary = Files.write(dir.resolve("binary.txt"), new byte[] {0x50, 0x4b, 3, 4, 0, 0, 1});
        assertMessage(binary, "binary.txt: binary data");
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "2021-02-09\t\tP\tPF beslutas i Rsau, n\u00e4mnder\t2022\tRS AU\t\t\n".getBytes(StandardCharsets.ISO_8859_1));
        assertMessage(latin1, "latin1.txt: not UTF-8 text");
        Path badDate = Files.writeString(dir.resolve("bad.txt"), "Datum\tTid\tP\tB\tI\tIK\tU\tAktivitet\n"
                + "2021-02-30\t\tP\t\t\t\t\tPF beslutas i RS\t2022\tRS\t\t\n");
        CalendarFile.Content content = CalendarFile.read(badDate);
        InputException e = assertThrows(InputException.class, content::requireComplete);
        assertEquals(badDate + ":2: Datum: '2021-02-30' is not a date", e.getMessage());
    }

    private static void assertMessage(Path file, String expectedEnd) {
        InputException e = assertThrows(InputException.class, () -> CalendarFile.read(file));
        assertTrue(e.getMessage().startsWith(file.getParent().resolve(expectedEnd).toString()), e.getMessage());
    }
}
