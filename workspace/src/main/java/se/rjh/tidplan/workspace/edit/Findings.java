package se.rjh.tidplan.workspace.edit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.read.CsvTable;
import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.Sitting;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.planning.words.Words;

/**
 * What {@code validate} says of a dataset, each finding tied to the item and field the editor shows it at: the
 * table ({@code activities.csv}...), the item (an activity's Id, "RS 2021-03-02" for a sitting, "A -> B" for a
 * step of a chain, a body's code) and the editor's field ({@code unit}, {@code latest}...).
 */
public final class Findings {

    /** What kind of finding: as {@code validate} reports them. */
    public enum Kind {
        /** No calendar can meet it (validate's exit 1). */
        CANNOT_BE_MET,
        /** A warning of the reader (a sitting on a day off, a budget before the new council). */
        WARNING,
        /** Worth a look once (a matter repeated). */
        REVIEW,
        /** Bound by nothing but the working day: only the soft rules place it. */
        UNBOUND,
        /** A sitting day still to confirm with its body. */
        TO_CONFIRM
    }

    /**
     * One finding; {@code line} is the row's line in its file (0 where none), {@code field} null for the whole item.
     * The message is in the planners' words where the workspace says it (an unbound activity, a day to confirm), and
     * in the reader's and validate's own (English) words for what they find.
     */
    public record Finding(Kind kind, String table, long line, String item, String field, String message) {
    }

    /** "scenario 3/activities.csv:12: Latest: ..." as {@code validate} prints a finding. */
    private static final Pattern WHERE = Pattern.compile("^(?:.*/)?([A-Za-z]+\\.(?:csv|json))(?::(\\d+))?: (.*)$", Pattern.DOTALL);

    private static final Words WORDS = Words.planners();

    private Findings() {
    }

    /** Every finding of {@code validate} on the dataset read from {@code files}. */
    public static List<Finding> of(Dataset dataset, Map<String, String> files) {
        Planner.Validation validation = Planner.validate(dataset);
        Map<String, Map<Long, String>> items = items(files);
        List<Finding> findings = new ArrayList<>();
        validation.unmeetable().forEach(text -> findings.add(parse(Kind.CANNOT_BE_MET, text, items)));
        validation.warnings().forEach(text -> findings.add(parse(Kind.WARNING, text, items)));
        validation.reviews().forEach(text -> findings.add(parse(Kind.REVIEW, text, items)));
        for (Activity activity : validation.unbound()) {
            String row = dataset.rows().getOrDefault(activity.getId(), "");
            findings.add(new Finding(Kind.UNBOUND, DatasetReader.ACTIVITIES, line(row), activity.getId(), null,
                    WORDS.say(Text.FINDING_UNBOUND, activity.getId())));
        }
        findings.addAll(toConfirm(dataset.schedule(), items));
        return findings;
    }

    /** The sitting days still to confirm, one finding each, in the body's order. */
    public static List<Finding> toConfirm(Schedule schedule, Map<String, Map<Long, String>> items) {
        Map<String, Long> lineOf = new HashMap<>();
        items.getOrDefault(DatasetReader.SITTINGS, Map.of()).forEach((line, item) -> lineOf.put(item, line));
        List<Finding> findings = new ArrayList<>();
        for (Body body : schedule.getBodies()) {
            for (LocalDate day : body.getSittings()) {
                Sitting sitting = body.getSitting(day);
                if (sitting.toConfirm()) {
                    Phrase source = Words.source(sitting.source().orElseThrow());
                    String item = body.getCode() + " " + day;
                    findings.add(new Finding(Kind.TO_CONFIRM, DatasetReader.SITTINGS, lineOf.getOrDefault(item, 0L), item,
                            "source", WORDS.say(sitting.note().isEmpty() ? Phrase.of(Text.FINDING_TO_CONFIRM, item, source)
                                    : Phrase.of(Text.FINDING_TO_CONFIRM_NOTE, item, source, sitting.note()))));
                }
            }
        }
        return findings;
    }

    /** What item each line of each table holds, to name it in a finding. */
    public static Map<String, Map<Long, String>> items(Map<String, String> files) {
        Map<String, Map<Long, String>> items = new HashMap<>();
        items.put(DatasetReader.ACTIVITIES, lines(files, DatasetReader.ACTIVITIES, row -> row.text("Id")));
        items.put(DatasetReader.SITTINGS, lines(files, DatasetReader.SITTINGS, row -> row.text("Body") + " " + row.text("Date")));
        items.put(DatasetReader.DEPENDENCIES, lines(files, DatasetReader.DEPENDENCIES,
                row -> row.text("Before") + " -> " + row.text("After")));
        items.put(DatasetReader.BODIES, lines(files, DatasetReader.BODIES, row -> row.text("Code")));
        return items;
    }

    private static Map<Long, String> lines(Map<String, String> files, String file, Function<CsvTable.Row, String> item) {
        Map<Long, String> lines = new HashMap<>();
        String text = files.get(file);
        if (text != null) {
            CsvTable.read(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), List.of()).rows()
                    .forEach(row -> lines.put(row.line(), item.apply(row)));
        }
        return lines;
    }

    private static Finding parse(Kind kind, String text, Map<String, Map<Long, String>> items) {
        Matcher where = WHERE.matcher(text);
        if (!where.matches()) {
            return new Finding(kind, null, 0, null, null, text);
        }
        String table = where.group(1);
        long line = where.group(2) == null ? 0 : Long.parseLong(where.group(2));
        String rest = where.group(3);
        String column = rest.contains(": ") ? rest.substring(0, rest.indexOf(": ")) : null;
        String field = column == null ? null : switch (table) {
            case DatasetReader.ACTIVITIES -> ActivityFields.field(column);
            case DatasetReader.DEPENDENCIES -> DependencyFields.field(column);
            case DatasetReader.SITTINGS -> Sittings.field(column);
            case DatasetReader.BODIES -> "Name".equals(column) ? "name" : "Code".equals(column) ? "code" : null;
            default -> null;
        };
        String message = field == null ? rest : rest.substring(column.length() + 2);
        return new Finding(kind, table, line, items.getOrDefault(table, Map.of()).get(line), field, message);
    }

    /** The line of a row named "file:line", 0 if none. */
    private static long line(String row) {
        int colon = row.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Long.parseLong(row.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
