package se.rjh.tidplan.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a sitting day comes from: the {@code Source} column of sittings.csv. A decision is planned on a sourced
 * day (the region's own calendar, a body's decision) rather than on a day nobody has decided yet, and the days
 * still to confirm are listed by {@code validate} so that the planners ask the body before the plan is published.
 */
public enum SittingSource {
    /** A row of the region's hand-made calendar (the Tidplan) puts the body's decision on this day. */
    TIDPLAN("Tidplan", false),
    /** The body decided the day: its protocol, or a file of its decided days given to the roll forward. */
    PROTOCOL("protocol", false),
    /** A guess by a rule of rhythm ("CLG meets on Mondays"): no document names the day. */
    ASSUMED("assumed", true),
    /** A day someone named but the body has not decided: last year's day moved a year to the same weekday. */
    TO_CONFIRM("to confirm", true),
    /** A day added because a rule needs a sitting the plan lacks (the newly elected council's budget decision). */
    ADDED("added", true);

    private final String label;
    private final boolean toConfirm;

    SittingSource(String label, boolean toConfirm) {
        this.label = label;
        this.toConfirm = toConfirm;
    }

    /** The value in the Source column. */
    public String label() {
        return label;
    }

    /** Whether a day from this source still has to be confirmed with the body before the plan is published. */
    public boolean toConfirm() {
        return toConfirm;
    }

    /** The source a Source cell names (in any case), if it names one. */
    public static Optional<SittingSource> parse(String cell) {
        String value = cell.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.label.toLowerCase(Locale.ROOT).equals(value)).findFirst();
    }

    /** The values a Source cell may take, for an error message: "Tidplan, protocol, assumed, to confirm, added". */
    public static String labels() {
        return Arrays.stream(values()).map(SittingSource::label).collect(Collectors.joining(", "));
    }
}
