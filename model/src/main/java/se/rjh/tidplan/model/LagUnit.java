package se.rjh.tidplan.model;

/** How a lag between two activities is counted. */
public enum LagUnit {
    /** Arbetsdagar: only Swedish working days count. */
    WORKING_DAYS("working days"),
    /** Kalenderdagar: every day counts (the 7 days between RS and RF for the notice of RF's sitting). */
    CALENDAR_DAYS("calendar days");

    private final String label;

    LagUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** "1 working day", "3 working days". */
    public String count(int days) {
        return days + " " + (Math.abs(days) == 1 ? label.substring(0, label.length() - 1) : label);
    }
}
