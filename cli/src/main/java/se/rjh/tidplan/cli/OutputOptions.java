package se.rjh.tidplan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.data.read.SpreadsheetCsv;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.data.write.IcsWriter;
import se.rjh.tidplan.data.write.XlsxWriter;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.SolveResult;
import se.rjh.tidplan.pages.YearViewMarks;
import se.rjh.tidplan.pages.YearViewPage;
import se.rjh.tidplan.planning.Replanner;

/** The outputs a planned calendar can be written as, shared by every command that writes one. */
public final class OutputOptions {

    @Option(names = "--excel", description = "Write CSV for a Swedish Excel: UTF-8 with BOM, ';' separators, CRLF.")
    private boolean excel;

    @Option(names = "--ics", paramLabel = "FILE", description = "Also write the calendar as iCalendar (Outlook, Google Calendar).")
    private Path ics;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the year view: one self-contained HTML page.")
    private Path html;

    @Option(names = "--xlsx", paramLabel = "FILE", description = "Also write the calendar as an Excel workbook: real dates, "
            + "a frozen header row and a filter on every column.")
    private Path xlsx;

    SpreadsheetCsv.Flavour flavour() {
        return excel ? SpreadsheetCsv.Flavour.EXCEL : SpreadsheetCsv.Flavour.PLAIN;
    }

    /** Refuses, before any work, an output that cannot be written as a file: standard output, a directory. */
    static void requireFile(String option, Path file) {
        if (file == null) {
            return;
        }
        if (file.toString().equals("-")) {
            throw new InputException(option, 0, null, "writing to standard output is not supported; give a file name");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(option, 0, null, file + " is a directory; give a file name");
        }
    }

    /** Checks every output file before a solve: {@code --out} and the others given. */
    void requireFiles(Path csv) {
        requireFile("--out", csv);
        requireFile("--ics", ics);
        if (ics != null) {
            IcsWriter.requireReplaceable(ics);
        }
        requireFile("--html", html);
        requireFile("--xlsx", xlsx);
    }

    /**
     * Writes the CSV and whatever else was asked for, each file atomically; the year view flags the hard rules
     * the calendar breaks and marks the {@code moves} of a re-plan or repair.
     */
    void write(SolveResult result, List<Replanner.Moved> moves, Path csv) {
        Schedule schedule = result.schedule();
        CalendarCsvWriter.write(schedule, csv, flavour());
        if (ics != null) {
            IcsWriter.write(schedule, ics);
        }
        if (xlsx != null) {
            XlsxWriter.write(schedule, xlsx);
        }
        if (html != null) {
            YearViewPage.write(schedule, YearViewMarks.of(result.analysis(), moves), html);
        }
    }
}
