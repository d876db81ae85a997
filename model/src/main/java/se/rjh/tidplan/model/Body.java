package se.rjh.tidplan.model;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * A body that meets on set days (organ): a political body (RF, RS, RS AU, HSN ...), a co-determination
 * group (CSG, FSG, VSG) or a management group (CLG, RSBG). Its sitting days (sammanträdesdagar) are
 * decided a year ahead; a matter handled by the body can only fall on one of them.
 */
public final class Body {

    private final String code;
    private final String name;
    private final NavigableSet<LocalDate> sittings;

    public Body(String code, String name, Collection<LocalDate> sittings) {
        this.code = code;
        this.name = name;
        this.sittings = Collections.unmodifiableNavigableSet(new TreeSet<>(sittings));
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public NavigableSet<LocalDate> getSittings() {
        return sittings;
    }

    public boolean sitsOn(LocalDate date) {
        return sittings.contains(date);
    }

    @Override
    public String toString() {
        return code;
    }
}
