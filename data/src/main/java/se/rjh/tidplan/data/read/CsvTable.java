package se.rjh.tidplan.data.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import se.rjh.tidplan.data.InputException;

/**
 * A CSV file as a finance officer saves it: UTF-8 with or without BOM, comma or semicolon separated
 * (Excel in a Swedish locale writes semicolons), a header row. Every value is read through a {@link Row},
 * so a bad value is reported with the file, line and column it came from.
 */
public final class CsvTable {

    private final String file;
    private final List<Row> rows;

    private CsvTable(String file, List<Row> rows) {
        this.file = file;
        this.rows = rows;
    }

    public String file() {
        return file;
    }

    public List<Row> rows() {
        return rows;
    }

    /** A table that could not be read: its problem has been reported, and it has no rows. */
    static CsvTable empty(String file) {
        return new CsvTable(file, List.of());
    }

    /** Reads the table and checks that every required column is present once. */
    public static CsvTable read(String file, InputStream in, List<String> requiredColumns) {
        String text = decode(file, in);
        if (text.isBlank()) {
            throw new InputException(file, 1, null, "the file is empty; expected a header row with "
                    + String.join(", ", requiredColumns));
        }
        String headerLine = text.lines().findFirst().orElse("");
        // Excel in a Swedish locale separates with ';' and leaves commas inside names unquoted.
        char delimiter = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
        checkQuoting(file, text, delimiter);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            checkHeader(file, header, requiredColumns);
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (isBlank(record)) {
                    continue;
                }
                rows.add(new Row(file, parser.getCurrentLineNumber(), record));
            }
            return new CsvTable(file, rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InputException(file, 0, null, "malformed CSV: " + rootMessage(e));
        }
    }

    /**
     * What Commons CSV would read leniently, refused with file, line and column: a quote inside an unquoted
     * cell (a row pasted or cut in the middle), a quoted cell never closed (a file that ends inside a cell),
     * and a last row with fewer cells than the header and no line break after it (a file cut off mid-row).
     */
    static void checkQuoting(String file, String text, char delimiter) {
        List<String> header = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        long line = 1;
        long cellLine = 1;
        int column = 0;
        boolean quoted = false;
        boolean inHeader = true;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                    int next = i + 1;
                    if (next < text.length() && text.charAt(next) != delimiter && text.charAt(next) != '\r'
                            && text.charAt(next) != '\n') {
                        throw new InputException(file, line, columnName(header, column, inHeader),
                                "text after the closing quote of a cell; quote the whole cell and double the quotes inside it");
                    }
                } else if (c == '\n') {
                    line++;
                }
                i++;
                continue;
            }
            if (c == '"') {
                if (!cell.toString().isBlank()) {
                    throw new InputException(file, line, columnName(header, column, inHeader),
                            "a quote inside an unquoted cell; quote the whole cell and double the quotes inside it");
                }
                quoted = true;
                cellLine = line;
            } else if (c == delimiter) {
                if (inHeader) {
                    header.add(cell.toString().trim());
                }
                cell.setLength(0);
                column++;
            } else if (c == '\n') {
                if (inHeader) {
                    header.add(cell.toString().trim());
                    inHeader = false;
                }
                cell.setLength(0);
                column = 0;
                line++;
            } else if (c != '\r') {
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new InputException(file, cellLine, columnName(header, column, inHeader),
                    "the file ends inside a quoted cell; was it cut off?");
        }
        boolean endsWithBreak = text.endsWith("\n") || text.endsWith("\r");
        if (!inHeader && !endsWithBreak && column > 0 && column + 1 < header.size()) {
            throw new InputException(file, line, columnName(header, column, false),
                    "the file ends in the middle of a row (" + (column + 1) + " of " + header.size()
                            + " cells); was it cut off?");
        }
    }

    private static String columnName(List<String> header, int column, boolean inHeader) {
        return !inHeader && column < header.size() && !header.get(column).isEmpty() ? header.get(column)
                : "column " + (column + 1);
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void checkHeader(String file, List<String> header, List<String> required) {
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!column.isBlank() && !seen.add(column)) {
                throw new InputException(file, 1, column, "the column appears twice in the header");
            }
        }
        for (String column : required) {
            if (!seen.contains(column)) {
                throw new InputException(file, 1, column, "missing column; the header must have "
                        + String.join(", ", required));
            }
        }
    }

    /** The largest file tidplan reads: a hundred times the region's calendar is about 2 MB. */
    static final int MAX_BYTES = 50 * 1024 * 1024;

    /**
     * Strict UTF-8: a file saved as Windows-1252 is refused instead of silently garbling å, ä and ö. A file
     * larger than {@link #MAX_BYTES} is refused before it is read whole.
     */
    static String decode(String file, InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InputException(file, 0, null, "the file is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MB; is it the right file?");
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.indexOf('\0') >= 0) {
                throw new InputException(file, 0, null, "binary data, not a text file");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InputException(file, 0, null, "not UTF-8 text; save it as \"CSV UTF-8\" in Excel");
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** One data row, with typed access that names the file, line and column on error. */
    public static final class Row {
        private final String file;
        private final long line;
        private final CSVRecord record;

        Row(String file, long line, CSVRecord record) {
            this.file = file;
            this.line = line;
            this.record = record;
        }

        public long line() {
            return line;
        }

        public String file() {
            return file;
        }

        /** The cell, trimmed; empty when the column or the cell is missing. */
        public String text(String column) {
            return record.isMapped(column) && record.isSet(column) ? SpreadsheetCsv.restore(record.get(column).trim()) : "";
        }

        public String required(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                throw error(column, "must not be empty");
            }
            return value;
        }

        public LocalDate date(String column) {
            return parseDate(column, required(column));
        }

        /** A date, or null for an empty cell. */
        public LocalDate optionalDate(String column) {
            String value = text(column);
            return value.isEmpty() ? null : parseDate(column, value);
        }

        private LocalDate parseDate(String column, String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw error(column, "'" + value + "' is not a date; write yyyy-MM-dd, e.g. 2021-06-21");
            }
        }

        /** A whole number within [min, max]; {@code fallback} for an empty cell. */
        public int integer(String column, int fallback, int min, int max) {
            String value = text(column);
            if (value.isEmpty()) {
                return fallback;
            }
            int number;
            try {
                number = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw error(column, "'" + value + "' is not a whole number");
            }
            if (number < min || number > max) {
                throw error(column, number + " is out of range; expected " + min + " to " + max);
            }
            return number;
        }

        /** A yes/no cell: {@code x}, {@code ja}, {@code yes}, {@code true} or {@code 1} mean yes; empty means no. */
        public boolean flag(String column) {
            String value = text(column).toLowerCase(Locale.ROOT);
            return switch (value) {
                case "" , "nej", "no", "false", "0" -> false;
                case "x", "ja", "yes", "true", "1" -> true;
                default -> throw error(column, "'" + text(column) + "' is not a yes/no mark; write x or leave it empty");
            };
        }

        public InputException error(String column, String problem) {
            return new InputException(file, line, column, problem);
        }
    }
}
