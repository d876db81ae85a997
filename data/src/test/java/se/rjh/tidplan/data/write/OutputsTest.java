package se.rjh.tidplan.data.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.fortuna.ical4j.data.CalendarBuilder;
import se.rjh.tidplan.data.HandMadeCalendar;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.read.SpreadsheetCsv;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;

/** The files people open: Excel CSV, iCalendar for Outlook, and formula-safe cells. */
class OutputsTest {


    @Test
    void formulaLikeCellsAreNeutralisedButNumbersAndDatesAreNot() {
        assertEquals("'=HYPERLINK(\"x\")", SpreadsheetCsv.neutralise("=HYPERLINK(\"x\")"));
        assertEquals("'+46 63 14 75 00", SpreadsheetCsv.neutralise("+46 63 14 75 00"));
        assertEquals("'@SUM(A1)", SpreadsheetCsv.neutralise("@SUM(A1)"));
        assertEquals("'- Regionplan", SpreadsheetCsv.neutralise("- Regionplan"));
        assertEquals("-3", SpreadsheetCsv.neutralise("-3"));
        assertEquals("2021-06-21", SpreadsheetCsv.neutralise("2021-06-21"));
        assertEquals("Regionplan 2021 beslutas i RF", SpreadsheetCsv.neutralise("Regionplan 2021 beslutas i RF"));
        assertEquals("=HYPERLINK(\"x\")", SpreadsheetCsv.restore("'=HYPERLINK(\"x\")"));
        assertEquals("'plain", SpreadsheetCsv.restore("'plain"));
    }

    @Test
    void theExcelCalendarHasBomSemicolonsAndCrlfAndReadsBack(@TempDir Path dir) throws IOException {
        Schedule schedule = HandMadeCalendar.placed();
        Activity first = schedule.getActivities().get(0);
        Activity renamed = first.copyAs(first.getId(), "=1+1 is not a formula here");
        renamed.setDate(first.getDate());
        schedule.getActivities().set(0, renamed);
        Path csv = dir.resolve("tidplan.csv");
        CalendarCsvWriter.write(schedule, csv, SpreadsheetCsv.Flavour.EXCEL);
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\uFEFFId;Datum;Tid;P;B;I;IK;U;Aktivitet;År i fokus;"), text.substring(0, 80));
        assertTrue(text.contains("\r\n"));
        assertTrue(text.contains(";'=1+1 is not a formula here;"), "the formula must be neutralised");
        CalendarFile.Content back = CalendarFile.read(csv);
        assertEquals(schedule.getActivities().size(), back.rows().size());
        assertTrue(back.rows().stream().anyMatch(r -> r.name().equals("=1+1 is not a formula here")));
        assertTrue(back.rows().stream().anyMatch(r -> r.name().equals("Nämnderna fastställer internkontrollplan för 2021 vid första sammanträdet för året")));
    }

    @Test
    void theIcsHasTimedMeetingsInStockholmTimeAllDayEventsAndStableUids(@TempDir Path dir) throws Exception {
        Schedule schedule = HandMadeCalendar.placed();
        Path ics = dir.resolve("tidplan.ics");
        IcsWriter.write(schedule, ics);
        // ical4j parses it back (a syntax check); the content is read from the unfolded text.
        try (InputStream in = Files.newInputStream(ics)) {
            new CalendarBuilder().build(in);
        }
        String text = Files.readString(ics, StandardCharsets.UTF_8).replace("\r\n ", "");
        List<String> events = List.of(text.split("BEGIN:VEVENT")).subList(1, text.split("BEGIN:VEVENT").length);
        assertEquals(schedule.getActivities().size(), events.size());
        String zone = text.substring(text.indexOf("BEGIN:VTIMEZONE"), text.indexOf("END:VTIMEZONE"));
        assertTrue(zone.contains("\r\nTZID:Europe/Stockholm\r\n"), "the events' time zone must be defined in the file: " + zone);
        String dialogue = events.stream().filter(e -> e.contains("UID:BD22-KOMM@tidplan")).findFirst().orElseThrow();
        assertTrue(dialogue.contains("DTSTART;TZID=Europe/Stockholm:20210113T084000"), dialogue);
        assertTrue(dialogue.contains("DTEND;TZID=Europe/Stockholm:20210113T090000"), dialogue);
        assertTrue(dialogue.contains("År i fokus: 2022"), dialogue);
        String decision = events.stream().filter(e -> e.contains("UID:RP22-RF@tidplan")).findFirst().orElseThrow();
        assertTrue(decision.contains("DTSTART;VALUE=DATE:20210621"), decision);
        assertTrue(decision.contains("Regionfullmäktige"), decision);
        // A deadline does not block anyone's day; a meeting does.
        assertTrue(decision.contains("TRANSP:TRANSPARENT"), decision);
        assertTrue(!dialogue.contains("TRANSP:TRANSPARENT"), dialogue);
        // Sweden's own zone definition, with the EU's summer-time rule.
        assertTrue(zone.contains("TZNAME:CEST") && zone.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"), zone);
        // RFC 5545: no line longer than 75 octets (å, ä and ö take two), and å, ä, ö never split.
        for (String line : new String(Files.readAllBytes(ics), StandardCharsets.UTF_8).split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
            assertTrue(!line.contains("\uFFFD"), line);
        }
        // The same calendar gives the same file, but for the time stamps.
        Path twice = dir.resolve("twice.ics");
        IcsWriter.write(schedule, twice);
        assertEquals(withoutStamps(ics), withoutStamps(twice));
        // A re-planned calendar keeps every UID, so a calendar program updates its events instead of adding them.
        schedule.getActivities().stream().filter(a -> a.getId().equals("RP22-RF")).findFirst().orElseThrow()
                .setDate(LocalDate.of(2021, 6, 14));
        Path again = dir.resolve("replanned.ics");
        IcsWriter.write(schedule, again);
        assertEquals(uids(ics), uids(again));
    }

    @Test
    void theWorkbookHasRealDatesAFrozenHeaderAndAFilter(@TempDir Path dir) throws Exception {
        Schedule schedule = HandMadeCalendar.placed();
        Path file = dir.resolve("tidplan.xlsx");
        XlsxWriter.write(schedule, file);
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            XSSFSheet sheet = workbook.getSheet("Tidplan");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertEquals(CalendarCsvWriter.HEADER, header);
            assertEquals(schedule.getActivities().size(), sheet.getLastRowNum());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitTopRow(), "the header row is frozen");
            assertTrue(sheet.getCTWorksheet().isSetAutoFilter(), "every column has a filter");
            int datum = header.indexOf("Datum");
            int aktivitet = header.indexOf("Aktivitet");
            List<Activity> rows = CalendarCsvWriter.inCalendarOrder(schedule);
            for (int r = 1; r <= rows.size(); r++) {
                var cell = sheet.getRow(r).getCell(datum);
                assertTrue(DateUtil.isCellDateFormatted(cell), "Datum is a date in row " + r);
                assertEquals(rows.get(r - 1).getDate(), cell.getLocalDateTimeCellValue().toLocalDate());
                assertEquals(rows.get(r - 1).getName(), sheet.getRow(r).getCell(aktivitet).getStringCellValue());
            }
            assertTrue(sheet.getColumnWidth(aktivitet) > sheet.getColumnWidth(datum), "widths fit the text");
        }
    }

    @Test
    void aReplanWrittenOverThePublishedIcsRaisesTheSequenceOfWhatMoved(@TempDir Path dir) throws Exception {
        Schedule schedule = HandMadeCalendar.placed();
        Path ics = dir.resolve("tidplan.ics");
        IcsWriter.write(schedule, ics);
        assertEquals(0, sequence(ics, "RP22-RF"));
        Activity council = schedule.getActivities().stream().filter(a -> a.getId().equals("RP22-RF")).findFirst().orElseThrow();
        council.setDate(LocalDate.of(2021, 6, 14));
        IcsWriter.write(schedule, ics);
        assertEquals(1, sequence(ics, "RP22-RF"), "a moved event must outrank the copy calendar programs hold");
        assertEquals(0, sequence(ics, "RP22-RS"), "an event that did not move keeps its sequence");
        IcsWriter.write(schedule, ics);
        assertEquals(1, sequence(ics, "RP22-RF"), "writing the same calendar again changes nothing");
        council.setDate(LocalDate.of(2021, 6, 21));
        IcsWriter.write(schedule, ics);
        assertEquals(2, sequence(ics, "RP22-RF"));
        // A file that is not a calendar is neither read as one nor overwritten.
        Path notes = Files.writeString(dir.resolve("notes.ics"), "my notes\n");
        InputException e = assertThrows(InputException.class, () -> IcsWriter.write(schedule, notes));
        assertEquals(notes + ": exists and is not an iCalendar file; remove it or write to another name", e.getMessage());
        assertEquals("my notes\n", Files.readString(notes));
    }

    private static int sequence(Path ics, String id) throws IOException {
        String text = Files.readString(ics, StandardCharsets.UTF_8).replace("\r\n ", "");
        String event = List.of(text.split("BEGIN:VEVENT")).stream().filter(e -> e.contains("UID:" + id + "@tidplan"))
                .findFirst().orElseThrow();
        Matcher m = Pattern.compile("\r\nSEQUENCE:(\\d+)\r\n").matcher(event);
        assertTrue(m.find(), event);
        return Integer.parseInt(m.group(1));
    }

    private static List<String> withoutStamps(Path ics) throws IOException {
        return Files.readAllLines(ics).stream().filter(l -> !l.startsWith("DTSTAMP:")).toList();
    }

    private static List<String> uids(Path ics) throws IOException {
        return Files.readAllLines(ics).stream().filter(l -> l.startsWith("UID:")).sorted().toList();
    }
}
