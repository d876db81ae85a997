package se.rjh.tidplan.model;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;

/**
 * A body that meets on set days (organ): a political body (RF, RS, RS AU, HSN ...), a co-determination
 * group (CSG, FSG, VSG) or a management group (CLG, RSBG). Its sitting days (sammanträdesdagar) are
 * decided a year ahead; a matter handled by the body can only fall on one of them. Each day keeps the Note
 * sittings.csv gives it: where the day comes from (see {@link SittingSource}).
 */
public final class Body {

    private final String code;
    private final String name;
    private final NavigableMap<LocalDate, String> notes;

    public Body(String code, String name, Collection<LocalDate> sittings) {
        this(code, name, noted(sittings));
    }

    /** A body whose sitting days each have a Note ("" for none). */
    public Body(String code, String name, Map<LocalDate, String> notedSittings) {
        this.code = code;
        this.name = name;
        this.notes = Collections.unmodifiableNavigableMap(new TreeMap<>(notedSittings));
    }

    private static Map<LocalDate, String> noted(Collection<LocalDate> sittings) {
        Map<LocalDate, String> notes = new TreeMap<>();
        sittings.forEach(day -> notes.put(day, ""));
        return notes;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public NavigableSet<LocalDate> getSittings() {
        return notes.navigableKeySet();
    }

    /** The Note of a sitting day, "" when it has none. */
    public String getNote(LocalDate sitting) {
        return notes.getOrDefault(sitting, "");
    }

    /** This body with one more sitting day, its other days and their Notes kept. */
    public Body withSitting(LocalDate day, String note) {
        Map<LocalDate, String> sittings = new TreeMap<>(notes);
        sittings.put(day, note);
        return new Body(code, name, sittings);
    }

    public boolean sitsOn(LocalDate date) {
        return notes.containsKey(date);
    }

    @Override
    public String toString() {
        return code;
    }
}
