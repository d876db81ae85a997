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
 * decided a year ahead; a matter handled by the body can only fall on one of them. Each day keeps what
 * sittings.csv says of it: where the day comes from ({@link SittingSource}) and its Note.
 */
public final class Body {

    private final String code;
    private final String name;
    private final NavigableMap<LocalDate, Sitting> sittings;

    public Body(String code, String name, Collection<LocalDate> sittings) {
        this(code, name, noted(sittings));
    }

    /** A body whose sitting days each say where they come from. */
    public Body(String code, String name, Map<LocalDate, Sitting> sittings) {
        this.code = code;
        this.name = name;
        this.sittings = Collections.unmodifiableNavigableMap(new TreeMap<>(sittings));
    }

    private static Map<LocalDate, Sitting> noted(Collection<LocalDate> days) {
        Map<LocalDate, Sitting> sittings = new TreeMap<>();
        days.forEach(day -> sittings.put(day, Sitting.UNSAID));
        return sittings;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public NavigableSet<LocalDate> getSittings() {
        return sittings.navigableKeySet();
    }

    /** What the dataset says of a sitting day: {@link Sitting#UNSAID} for a day the body does not sit. */
    public Sitting getSitting(LocalDate day) {
        return sittings.getOrDefault(day, Sitting.UNSAID);
    }

    /** The Note of a sitting day, "" when it has none. */
    public String getNote(LocalDate day) {
        return getSitting(day).note();
    }

    /** This body with one more sitting day, its other days kept. */
    public Body withSitting(LocalDate day, Sitting sitting) {
        Map<LocalDate, Sitting> days = new TreeMap<>(sittings);
        days.put(day, sitting);
        return new Body(code, name, days);
    }

    public boolean sitsOn(LocalDate date) {
        return sittings.containsKey(date);
    }

    @Override
    public String toString() {
        return code;
    }
}
