package se.rjh.tidplan.data.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.data.read.DatasetSource;
import se.rjh.tidplan.data.read.SpreadsheetCsv;

/**
 * A copy of a dataset with some of its tables edited and every other file as it was, byte for byte: the
 * notes, comments and sources a planner wrote stay. Written to a new directory, whole or not at all.
 */
public final class EditedDataset {

    /** A table's header and rows, each row by column. */
    public record Table(List<String> header, List<Map<String, String>> rows) {
    }

    private static final List<String> FILES = List.of(DatasetReader.SETTINGS, DatasetReader.BODIES, DatasetReader.SITTINGS,
            DatasetReader.ACTIVITIES, DatasetReader.DEPENDENCIES, DatasetReader.MEETINGS);

    private EditedDataset() {
    }

    /** Copies {@code source} to {@code target}, each table named in {@code edits} changed by its edit. */
    public static void write(DatasetSource source, Map<String, UnaryOperator<Table>> edits, Path target) {
        AtomicFile.writeDirectory(target, dir -> {
            for (String file : FILES) {
                if (!source.exists(file)) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = source.open(file)) {
                    bytes = in.readAllBytes();
                }
                UnaryOperator<Table> edit = edits.get(file);
                Files.write(dir.resolve(file), edit == null ? bytes : print(edit.apply(parse(bytes))));
            }
        });
    }

    /** A table's text (CSV, either flavour) as its header and rows, for an edit in memory (the workspace's editor). */
    public static Table table(String text) {
        try {
            return parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A table as the CSV text tidplan writes (plain: commas, no BOM), which the dataset reader reads back. */
    public static String text(Table table) {
        try {
            return new String(print(table), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Table parse(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String header = text.lines().findFirst().orElse("");
        char delimiter = header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count() ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                parser.getHeaderNames().forEach(column -> row.put(column, record.isSet(column) ? record.get(column) : ""));
                rows.add(row);
            }
            return new Table(List.copyOf(parser.getHeaderNames()), rows);
        }
    }

    private static byte[] print(Table table) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CSVPrinter printer = SpreadsheetCsv.printer(writer, SpreadsheetCsv.Flavour.PLAIN);
        printer.printRecord(table.header());
        for (Map<String, String> row : table.rows()) {
            printer.printRecord(table.header().stream().map(column -> row.getOrDefault(column, "")).toList());
        }
        printer.flush();
        return bytes.toByteArray();
    }
}
