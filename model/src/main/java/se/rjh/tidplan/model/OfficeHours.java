package se.rjh.tidplan.model;

import java.time.LocalTime;

/** The part of a working day in which meetings may be held (kontorstid). */
public record OfficeHours(LocalTime start, LocalTime end) {

    public OfficeHours {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("Office hours must start before they end: " + start + " - " + end);
        }
    }

    public boolean contains(LocalTime from, LocalTime to) {
        return !from.isBefore(start) && !to.isAfter(end);
    }
}
