package se.rjh.tidplan.model;

import java.util.Optional;

/**
 * What sittings.csv says of one sitting day besides its date: where it comes from (empty when the dataset does not
 * say, as in one written before the Source column) and a free Note with the detail ("CLG meets on Mondays").
 */
public record Sitting(Optional<SittingSource> source, String note) {

    /** A day the dataset says nothing about. */
    public static final Sitting UNSAID = new Sitting(Optional.empty(), "");

    public Sitting {
        note = note == null ? "" : note;
    }

    public static Sitting of(SittingSource source, String note) {
        return new Sitting(Optional.of(source), note);
    }

    /** Whether the day is still to be confirmed with the body (assumed, to confirm, added). */
    public boolean toConfirm() {
        return source.filter(SittingSource::toConfirm).isPresent();
    }

    /** The source and the note as one line: "assumed: CLG meets on Mondays", "Tidplan", "" when neither is said. */
    public String describe() {
        String label = source.map(SittingSource::label).orElse("");
        return label.isEmpty() || note.isEmpty() ? label + note : label + ": " + note;
    }
}
