package se.rjh.tidplan.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a sitting day comes from, said first in its Note ("known: ...", "assumed: ..."), so that a dataset rolled
 * forward shows the planners which days they can rely on and which are still to be confirmed with the body.
 */
public enum SittingSource {
    /** Held by the dataset it was rolled from: a day in the part of the year both datasets plan. */
    KNOWN("known", false),
    /** From the file of decided sitting days given to the roll forward. */
    GIVEN("given", false),
    /** Last year's day moved a year to the same weekday: the body's rhythm, until it sets next year's days. */
    MOVED_A_YEAR("moved a year", false),
    /** A guess by a rule: a day nobody gave (a hand-made dataset's "assumed" days are read as this too). */
    ASSUMED("assumed", true),
    /** A day added because a rule needs a sitting the plan lacks (the new council's budget decision). */
    ADDED_TO_CONFIRM("added to confirm", true);

    private final String label;
    private final boolean toConfirm;

    SittingSource(String label, boolean toConfirm) {
        this.label = label;
        this.toConfirm = toConfirm;
    }

    /** The Note of a day from this source: "moved a year: 2021-06-21". */
    public String note(String detail) {
        return label + ": " + detail;
    }

    public String label() {
        return label;
    }

    /** Whether a day from this source still has to be confirmed with the body before the plan is published. */
    public boolean toConfirm() {
        return toConfirm;
    }

    /** The source a Note names first, if any: "assumed" and "assumed: CLG meets on Mondays" both name ASSUMED. */
    public static Optional<SittingSource> of(String note) {
        return Arrays.stream(values()).filter(s -> note.equals(s.label) || note.startsWith(s.label + ":")).findFirst();
    }
}
