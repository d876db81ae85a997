package se.rjh.tidplan.data.write;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.read.MeetingTime;
import se.rjh.tidplan.data.read.SpreadsheetCsv;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.model.Schedule;

/**
 * Writes a calendar in the region's own table layout: {@code Id}, the Tidplan's columns in its order,
 * then {@code Baseline} (the hand-made date) and {@code Moved} (days from it, negative when earlier).
 * Rows are sorted by date and time; the file is written atomically.
 */
public final class CalendarCsvWriter {

    public static final List<String> HEADER = List.of("Id", DatasetReader.DATUM, DatasetReader.TID,
            "P", "B", "I", "IK", "U", DatasetReader.AKTIVITET, DatasetReader.AR_I_FOKUS, DatasetReader.POLITISKA,
            DatasetReader.SAMVERKAN, DatasetReader.LEDNING, DatasetReader.VERKSAMHET, DatasetReader.EKONOMI,
            DatasetReader.KOMMENTAR, "Baseline", "Moved");

    private CalendarCsvWriter() {
    }

    /**
     * {@code Id} and the Tidplan's own columns for an activity, with the date and time given (the planned
     * ones in a calendar, the hand-made ones in a dataset): the part every file tidplan writes shares.
     */
    static List<String> tidplanRow(Activity a, String date, String time) {
        List<String> row = new ArrayList<>();
        row.add(a.getId());
        row.add(date);
        row.add(time);
        for (ProcessArea process : ProcessArea.values()) {
            row.add(a.getProcesses().contains(process) ? process.name() : "");
        }
        row.add(a.getName());
        row.add(a.getYearInFocus());
        row.add(a.getPoliticalColumn());
        row.add(a.getCollaborationColumn());
        row.add(a.getManagementColumn());
        row.add(a.getOperationsColumn());
        row.add(a.getFinanceColumn());
        row.add(a.getComment());
        return row;
    }

    /** The calendar's rows in output order: by date, untimed rows first, then by start time. */
    public static List<Activity> inCalendarOrder(Schedule schedule) {
        List<Activity> rows = new ArrayList<>(schedule.getActivities());
        rows.sort(Comparator.comparing(Activity::getDate)
                .thenComparing(Activity::getStart, Comparator.nullsFirst(Comparator.<LocalTime>naturalOrder())));
        return rows;
    }

    public static void write(Schedule schedule, Path target) {
        write(schedule, target, SpreadsheetCsv.Flavour.PLAIN);
    }

    public static void write(Schedule schedule, Path target, SpreadsheetCsv.Flavour flavour) {
        AtomicFile.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(schedule, writer, flavour);
            writer.flush();
        });
    }

    /** The calendar as the text of its CSV file: what the workspace keeps as a version's calendar. */
    public static String text(Schedule schedule) {
        return text(schedule, SpreadsheetCsv.Flavour.PLAIN);
    }

    /** The same in a flavour: the Excel one (BOM, semicolons, CRLF) is what a planner in Sweden opens. */
    public static String text(Schedule schedule, SpreadsheetCsv.Flavour flavour) {
        StringWriter text = new StringWriter();
        try {
            write(schedule, text, flavour);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    public static void write(Schedule schedule, Writer writer) throws IOException {
        write(schedule, writer, SpreadsheetCsv.Flavour.PLAIN);
    }

    public static void write(Schedule schedule, Writer writer, SpreadsheetCsv.Flavour flavour) throws IOException {
        CSVPrinter printer = SpreadsheetCsv.printer(writer, flavour);
        printer.printRecord(HEADER);
        for (Activity a : inCalendarOrder(schedule)) {
            SpreadsheetCsv.printRow(printer, calendarRow(a));
        }
        printer.flush();
    }

    /** An activity's row of the calendar, under {@link #HEADER}: the same in the CSV and the workbook. */
    static List<String> calendarRow(Activity a) {
        List<String> row = tidplanRow(a, a.getDate().toString(),
                a.getStart() == null ? "" : MeetingTime.format(a.getStart(), a.getEnd()));
        row.add(a.getBaselineDate() == null ? "" : a.getBaselineDate().toString());
        row.add(a.getBaselineDate() == null ? "" : Long.toString(ChronoUnit.DAYS.between(a.getBaselineDate(), a.getDate())));
        return row;
    }
}
