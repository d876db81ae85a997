package se.rjh.tidplan.data.write;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVPrinter;


import se.rjh.tidplan.data.Settings;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.read.MeetingTime;
import se.rjh.tidplan.data.read.SettingsJson;
import se.rjh.tidplan.data.read.SpreadsheetCsv;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.Sitting;
import se.rjh.tidplan.model.SittingSource;

/**
 * Writes a dataset directory that {@link DatasetReader} reads back: the files are written into a fresh
 * directory beside the target, which is then renamed into place, so a half-written dataset never appears.
 */
public final class DatasetWriter {

    private DatasetWriter() {
    }

    /** Writes the dataset to {@code dir}, which must not exist yet (nothing of the user's is overwritten). */
    public static void write(Settings settings, Schedule schedule, Path dir) {
        write(settings, schedule, dir, SpreadsheetCsv.Flavour.PLAIN);
    }

    /** Writes the dataset with its CSV files in the given flavour (Excel: BOM, ';', CRLF). */
    public static void write(Settings settings, Schedule schedule, Path dir, SpreadsheetCsv.Flavour flavour) {
        AtomicFile.writeDirectory(dir, temp -> writeFiles(settings, schedule, temp, flavour));
    }

    private static void writeFiles(Settings settings, Schedule schedule, Path dir, SpreadsheetCsv.Flavour flavour)
            throws IOException {
        Files.writeString(dir.resolve(DatasetReader.SETTINGS), SettingsJson.write(settings));
        csv(flavour, dir.resolve(DatasetReader.BODIES), List.of("Code", "Name"), schedule.getBodies().stream()
                .map(b -> List.of(b.getCode(), b.getName())).toList());
        List<List<String>> sittings = new ArrayList<>();
        for (Body body : schedule.getBodies()) {
            body.getSittings().forEach(date -> {
                Sitting sitting = body.getSitting(date);
                sittings.add(List.of(body.getCode(), date.toString(), sitting.source().map(SittingSource::label).orElse(""),
                        sitting.note()));
            });
        }
        csv(flavour, dir.resolve(DatasetReader.SITTINGS), DatasetReader.SITTING_COLUMNS, sittings);
        List<List<String>> activities = new ArrayList<>();
        List<List<String>> briefs = new ArrayList<>();
        for (Activity a : schedule.getActivities()) {
            activities.add(activityRow(a));
            if (a.getBrief() != null) {
                briefs.add(List.of(a.getId(), a.getBrief().purpose(), a.getBrief().basis(), a.getBrief().goal(),
                        a.getBrief().documentation(), a.getBrief().followUp()));
            }
        }
        csv(flavour, dir.resolve(DatasetReader.ACTIVITIES), DatasetReader.ACTIVITY_COLUMNS, activities);
        if (!briefs.isEmpty()) {
            csv(flavour, dir.resolve(DatasetReader.MEETINGS), List.of("Id", "Purpose", "Basis", "Goal", "Documentation", "FollowUp"), briefs);
        }
        csv(flavour, dir.resolve(DatasetReader.DEPENDENCIES), List.of("Before", "After", "MinLag", "Buffer", "Unit", "Reason"),
                schedule.getDependencies().stream().map(DatasetWriter::dependencyRow).toList());
    }

    private static List<String> activityRow(Activity a) {
        List<String> row = CalendarCsvWriter.tidplanRow(a, a.getBaselineDate() == null ? "" : a.getBaselineDate().toString(),
                a instanceof Meeting m ? MeetingTime.format(m.getPreferredStart(),
                        m.getPreferredStart().plusMinutes(m.getDurationMinutes())) : "");
        row.add(a.getBodies().stream().map(Body::getCode).collect(Collectors.joining(";")));
        row.add(a.getUnit());
        row.add(a instanceof Meeting m ? m.getParticipants().stream().sorted(Comparator.naturalOrder())
                .collect(Collectors.joining(";")) : "");
        row.add(a.getEarliest() == null ? "" : a.getEarliest().toString());
        row.add(a.getLatest() == null ? "" : a.getLatest().toString());
        row.add(a.isExternal() ? "x" : "");
        row.add(a.isPinned() ? "x" : "");
        row.add(a.isBooked() ? "x" : "");
        row.add(a.getNote());
        return row;
    }

    private static List<String> dependencyRow(Dependency d) {
        return List.of(d.getBefore().getId(), d.getAfter().getId(), Integer.toString(d.getMinLag()),
                d.getBufferName() != null ? d.getBufferName() : Integer.toString(d.getBuffer()), d.getUnit() == LagUnit.CALENDAR_DAYS ? "calendar" : "working",
                d.getReason());
    }

    private static void csv(SpreadsheetCsv.Flavour flavour, Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer writer = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8);
                CSVPrinter printer = SpreadsheetCsv.printer(writer, flavour)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                SpreadsheetCsv.printRow(printer, row);
            }
        }
    }
}
