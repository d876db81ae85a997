package se.rjh.tidplan.data;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import se.rjh.tidplan.model.Process;

/**
 * One row of a calendar file as the region writes it (the Tidplan's columns), read from the Tidplan text,
 * an Excel export or tidplan's own output; {@code id} is set only when the file has an Id column. The
 * trailing columns (operations, finance, comment) are empty where the file has none for the row.
 */
public record CalendarRow(long line, String id, LocalDate date, LocalTime start, LocalTime end,
        Set<Process> processes, String name, String yearInFocus, String political, String collaboration,
        String management, String operations, String finance, String comment) {

    public boolean isTimed() {
        return start != null;
    }
}
