package se.rjh.tidplan.data.read;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import se.rjh.tidplan.model.ProcessArea;

/**
 * One row of a calendar file as the region writes it (the Tidplan's columns), read from the Tidplan text,
 * an Excel export or tidplan's own output; {@code id} is set only when the file has an Id column. The
 * trailing columns (operations, finance, comment) are empty where the file has none for the row.
 */
public record CalendarRow(long line, String id, LocalDate date, LocalTime start, LocalTime end,
        Set<ProcessArea> processes, String name, String yearInFocus, String political, String collaboration,
        String management, String operations, String finance, String comment) {

    /** The same row with the Tidplan's last three columns filled in. */
    public CalendarRow withTrailing(String operations, String finance, String comment) {
        return new CalendarRow(line, id, date, start, end, processes, name, yearInFocus, political, collaboration,
                management, operations, finance, comment);
    }

    public boolean isTimed() {
        return start != null;
    }

    /**
     * The bodies the row names in its body columns, or else in its name ("beslutas i RS"); an FSG is the
     * administration's own when the name says which ("samverkas i FSG (HSF)").
     */
    public List<String> bodies() {
        List<String> codes = new ArrayList<>();
        for (String cell : List.of(political, collaboration, management)) {
            for (String code : Bodies.inCell(cell)) {
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
        List<String> bodies = codes.isEmpty() ? Bodies.inName(name) : codes;
        String group = Bodies.administrationGroup(name);
        return group == null ? bodies : bodies.stream().map(code -> code.equals("FSG") ? group : code).toList();
    }

    /** The rows as steps, for finding a matter that passes the same body twice. */
    public static List<RepeatedMatters.Step> steps(String file, List<CalendarRow> rows) {
        return rows.stream().map(row -> new RepeatedMatters.Step(file + ":" + row.line(),
                row.id() == null ? "" : row.id(), row.name(), row.yearInFocus(), row.bodies(), row.date())).toList();
    }
}
