package se.rjh.tidplan.data.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.model.ProcessArea;

/**
 * Reads a hand-made calendar in any of the forms the region has it: the Tidplan text copied from its PDF
 * (tab-separated, page-break blank lines, a preamble, dropped empty cells, {@code <b>} markup, the last three
 * columns copied after the table: see {@link TrailingTable}), the same table in an Excel workbook (.xlsx) or
 * saved from Excel as CSV (comma or semicolon, with or without BOM), or tidplan's own output (CSV or .xlsx). Nothing is dropped silently: every line that is not read as a
 * calendar row is listed with its line number and why.
 */
public final class CalendarFile {

    /** A line not read as a calendar row. {@code bad} is true for a row that looked like one but is broken. */
    public record Skipped(long line, String field, String reason, boolean bad) {
        public String describe(String file) {
            return file + ":" + line + ": " + (field == null ? "" : field + ": ") + reason;
        }
    }

    /**
     * What was read: the rows, the lines passed over, how many duplicate rows were merged, and notes on how
     * the trailing table was put back on the rows.
     */
    public record Content(String file, List<CalendarRow> rows, List<Skipped> skipped, int merged, List<String> notes) {

        /** Fails on the first broken row, for commands that must not score half a calendar. */
        public Content requireComplete() {
            for (Skipped skip : skipped) {
                if (skip.bad()) {
                    throw new InputException(file, skip.line(), skip.field(), skip.reason());
                }
            }
            return this;
        }

        /** Whether the calendar has the activity (by its Id) on the date. */
        public boolean hasActivityOn(String id, LocalDate date) {
            return rows.stream().anyMatch(row -> id.equals(row.id()) && date.equals(row.date()));
        }
    }

    private static final Pattern DATE_START = Pattern.compile("^\\s*\\d{4}-\\d{1,2}-\\d{1,2}\\b.*");
    private static final Pattern YEAR = Pattern.compile("\\d{4}(/\\d{4})?");
    /** The PDF copy's bold, italic and underline markup; any other text in angle brackets is the region's own. */
    private static final Pattern MARKUP = Pattern.compile("(?i)</?(b|i|u|strong|em)>");
    private static final Set<String> LETTERS = Set.of("P", "B", "I", "IK", "U");

    private CalendarFile() {
    }

    public static Content read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(path.toString(), in);
        } catch (NoSuchFileException e) {
            throw new InputException(path.toString(), 0, null, "no such file");
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a calendar kept as text (a stored version, one fetched over HTTP); {@code file} names it in messages. */
    public static Content read(String file, String text) {
        try {
            return read(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array is not read from a device
        }
    }

    /**
     * Reads a calendar from a stream (an upload, a stored calendar); {@code file} names it in messages, and a
     * name ending in .xlsx is read as an Excel workbook.
     */
    public static Content read(String file, InputStream in) throws IOException {
        String text = Workbook.isWorkbook(file) ? Workbook.asCsv(file, in) : CsvTable.decode(file, in);
        if (text.isBlank()) {
            throw new InputException(file, 1, null, "the file is empty");
        }
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        boolean csv = first.contains(DatasetReader.DATUM) && first.contains(DatasetReader.AKTIVITET)
                && !first.contains("\t");
        Content content = csv ? readCsv(file, text) : readTidplanText(file, text);
        if (content.rows().isEmpty() && content.skipped().stream().noneMatch(Skipped::bad)) {
            throw new InputException(file, 0, null, "no calendar rows (a row starts with a date like 2021-06-21)");
        }
        return content;
    }

    // --- The Tidplan text

    private static Content readTidplanText(String file, String text) {
        List<CalendarRow> rows = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        // Pages of rows and the trailing table's blocks, both separated by blank lines (the PDF's page breaks).
        List<List<CalendarRow>> pages = new ArrayList<>(List.of(new ArrayList<>()));
        List<List<TrailingTable.Line>> blocks = new ArrayList<>(List.of(new ArrayList<>()));
        String[] lines = text.split("\\R", -1);
        boolean afterRows = false;
        boolean trailingTable = false;
        for (int i = 0; i < lines.length; i++) {
            long lineNumber = i + 1;
            String line = lines[i];
            if (line.isBlank()) {
                List<?> current = trailingTable ? blocks.get(blocks.size() - 1) : pages.get(pages.size() - 1);
                if (!current.isEmpty()) {
                    if (trailingTable) {
                        blocks.add(new ArrayList<>());
                    } else {
                        pages.add(new ArrayList<>());
                    }
                }
                continue;
            }
            if (DATE_START.matcher(line).matches()) {
                if (trailingTable) {
                    skipped.add(new Skipped(lineNumber, null, "a dated row after the trailing table; not read", true));
                    continue;
                }
                afterRows = true;
                int before = rows.size();
                parseTextRow(lineNumber, line, rows, skipped);
                if (rows.size() > before) {
                    pages.get(pages.size() - 1).add(rows.get(before));
                }
            } else if (line.startsWith(DatasetReader.DATUM + "\t")) {
                skipped.add(new Skipped(lineNumber, null, "the header row", false));
            } else if (afterRows && !trailingTable && line.startsWith(DatasetReader.VERKSAMHET)) {
                trailingTable = true;
                skipped.add(new Skipped(lineNumber, null, "the header row of the trailing table", false));
            } else if (afterRows) {
                trailingTable = true;
                blocks.get(blocks.size() - 1).add(TrailingTable.Line.parse(lineNumber, line));
            } else {
                skipped.add(new Skipped(lineNumber, null, "preamble before the header", false));
            }
        }
        pages.removeIf(List::isEmpty);
        blocks.removeIf(List::isEmpty);
        TrailingTable.Alignment alignment = TrailingTable.align(pages, blocks);
        List<CalendarRow> aligned = rows.stream().map(row -> {
            TrailingTable.Line cells = alignment.placed().get(row);
            return cells == null ? row : row.withTrailing(cells.operations(), cells.finance(), cells.comment());
        }).toList();
        for (TrailingTable.Line line : alignment.unplaced()) {
            skipped.add(new Skipped(line.number(), null, "a line of the trailing table that cannot be put on one row", false));
        }
        skipped.sort(java.util.Comparator.comparingLong(Skipped::line));
        List<String> notes = new ArrayList<>();
        if (!blocks.isEmpty()) {
            notes.add("The trailing table (" + DatasetReader.VERKSAMHET + ", " + DatasetReader.EKONOMI + ", "
                    + DatasetReader.KOMMENTAR + "): " + alignment.placed().size() + " of "
                    + blocks.stream().mapToInt(List::size).sum() + " lines put back on their rows");
            alignment.reasons().forEach(reason -> notes.add("The trailing table, " + reason));
        }
        return merge(file, new ArrayList<>(aligned), skipped, notes);
    }

    private static void parseTextRow(long line, String text, List<CalendarRow> rows, List<Skipped> skipped) {
        List<String> cells = new ArrayList<>();
        for (String cell : text.split("\t", -1)) {
            cells.add(MARKUP.matcher(cell).replaceAll("").trim());
        }
        LocalDate date = parseDate(cells.get(0));
        if (date == null) {
            skipped.add(new Skipped(line, DatasetReader.DATUM, "'" + cells.get(0) + "' is not a date", true));
            return;
        }
        int index = 1;
        MeetingTime time = null;
        if (index < cells.size() && (cells.get(index).isEmpty() || looksLikeTime(cells.get(index)))) {
            String cell = cells.get(index++);
            if (!cell.isEmpty()) {
                time = MeetingTime.parse(cell);
                if (time == null) {
                    skipped.add(new Skipped(line, DatasetReader.TID, "'" + cell + "' is not a time range", true));
                    return;
                }
            }
        }
        // Process cells until the name: the PDF copy drops some empty ones, so read them by content.
        Set<ProcessArea> processes = EnumSet.noneOf(ProcessArea.class);
        while (index < cells.size() && (cells.get(index).isEmpty() || isProcessMark(cells.get(index)))) {
            String cell = cells.get(index++);
            if (!cell.isEmpty()) {
                processes.add(ProcessArea.valueOf(cell.toUpperCase(Locale.ROOT)));
            }
        }
        if (index >= cells.size()) {
            skipped.add(new Skipped(line, DatasetReader.AKTIVITET, "no activity name in the row", true));
            return;
        }
        String name = cells.get(index++);
        List<String> rest = cells.subList(index, cells.size());
        String[] columns = alignTail(rest);
        rows.add(new CalendarRow(line, null, date, time == null ? null : time.start(), time == null ? null : time.end(),
                processes, name, columns[0], columns[1], columns[2], columns[3], "", "", ""));
    }

    /**
     * The four cells after the name: År i fokus, then the political, collaboration and management columns.
     * When cells were dropped, each is placed by what it holds: a year, a co-determination group
     * (CSG, FSG, VSG), a management group (CLG, RSBG), or else a political body or an x.
     */
    static String[] alignTail(List<String> cells) {
        String[] columns = {"", "", "", ""};
        if (cells.size() >= 4) {
            for (int i = 0; i < 4; i++) {
                columns[i] = cells.get(i);
            }
            return columns;
        }
        int next = 0;
        for (String cell : cells) {
            if (cell.isEmpty()) {
                next++;
                continue;
            }
            int column;
            if (YEAR.matcher(cell).matches()) {
                column = 0;
            } else if (Bodies.isCollaborationGroup(cell)) {
                column = 2;
            } else if (Bodies.isManagementGroup(cell)) {
                column = 3;
            } else {
                column = Math.max(1, next);
            }
            columns[Math.min(column, 3)] = cell;
            next = column + 1;
        }
        return columns;
    }

    private static boolean looksLikeTime(String cell) {
        return cell.matches("\\d{1,2}[:.]\\d{2}.*");
    }

    private static boolean isProcessMark(String cell) {
        return LETTERS.contains(cell.toUpperCase(Locale.ROOT));
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // --- CSV: an Excel export of the table, or tidplan's own output

    private static Content readCsv(String file, String text) {
        CsvTable table = CsvTable.read(file, new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                List.of(DatasetReader.DATUM, DatasetReader.AKTIVITET));
        List<CalendarRow> rows = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            LocalDate date = parseDate(row.text(DatasetReader.DATUM));
            if (date == null) {
                skipped.add(new Skipped(row.line(), DatasetReader.DATUM, "'" + row.text(DatasetReader.DATUM)
                        + "' is not a date; write yyyy-MM-dd", true));
                continue;
            }
            String timeText = row.text(DatasetReader.TID);
            MeetingTime time = timeText.isEmpty() ? null : MeetingTime.parse(timeText);
            if (!timeText.isEmpty() && time == null) {
                skipped.add(new Skipped(row.line(), DatasetReader.TID, "'" + timeText + "' is not a time range", true));
                continue;
            }
            String name = MARKUP.matcher(row.text(DatasetReader.AKTIVITET)).replaceAll("").trim();
            if (name.isEmpty()) {
                skipped.add(new Skipped(row.line(), DatasetReader.AKTIVITET, "no activity name", true));
                continue;
            }
            Set<ProcessArea> processes = EnumSet.noneOf(ProcessArea.class);
            for (ProcessArea process : ProcessArea.values()) {
                if (!row.text(process.name()).isEmpty()) {
                    processes.add(process);
                }
            }
            String id = row.text("Id");
            rows.add(new CalendarRow(row.line(), id.isEmpty() ? null : id, date,
                    time == null ? null : time.start(), time == null ? null : time.end(), processes, name,
                    row.text(DatasetReader.AR_I_FOKUS), row.text(DatasetReader.POLITISKA),
                    row.text(DatasetReader.SAMVERKAN), row.text(DatasetReader.LEDNING),
                    row.text(DatasetReader.VERKSAMHET), row.text(DatasetReader.EKONOMI), row.text(DatasetReader.KOMMENTAR)));
        }
        return merge(file, rows, skipped, List.of());
    }

    /**
     * The same row twice (same Id where the file has them, else same date, time and name) is one activity:
     * keep the first, count the rest.
     */
    private static Content merge(String file, List<CalendarRow> rows, List<Skipped> skipped, List<String> notes) {
        Map<String, CalendarRow> unique = new LinkedHashMap<>();
        int merged = 0;
        for (CalendarRow row : rows) {
            String key = row.id() != null ? row.id() : row.date() + "|" + row.start() + "|" + row.name();
            if (unique.putIfAbsent(key, row) != null) {
                merged++;
                skipped.add(new Skipped(row.line(), null, "the same as the row on line " + unique.get(key).line()
                        + "; merged", false));
            }
        }
        return new Content(file, new ArrayList<>(unique.values()), skipped, merged, notes);
    }
}
