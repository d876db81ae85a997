package se.rjh.tidplan.solver;

import java.util.Map;

/**
 * The rules' names in Swedish, for pages the planners read (the year view, the workspace); the constraint
 * names themselves stay English like the rest of the command line.
 */
public final class RuleNames {

    private static final Map<String, String> SWEDISH = Map.ofEntries(
            Map.entry(TidplanConstraintProvider.ORDER, "Ordning med minsta mellanrum"),
            Map.entry(TidplanConstraintProvider.SITTING_DAY, "Organets sammanträdesdag"),
            Map.entry(TidplanConstraintProvider.ATTENDEES_BODY_SITS, "Deltagarnas eget organ sammanträder inte"),
            Map.entry(TidplanConstraintProvider.AFTER_FORECAST, "Efter prognosen den bygger på"),
            Map.entry(TidplanConstraintProvider.WORKING_DAY, "Arbetsdag"),
            Map.entry(TidplanConstraintProvider.WINDOW, "Inom tidsfönster och lagens frist"),
            Map.entry(TidplanConstraintProvider.DOUBLE_BOOKED, "Person på två möten samtidigt"),
            Map.entry(TidplanConstraintProvider.OFFICE_HOURS, "Möte inom kontorstid"),
            Map.entry(TidplanConstraintProvider.FIXED, "Låst eller extern aktivitet ligger kvar"),
            Map.entry(TidplanConstraintProvider.EVEN_WORKLOAD, "Jämn arbetsbelastning per enhet och vecka"),
            Map.entry(TidplanConstraintProvider.BUFFER, "Marginal före nästa steg"),
            Map.entry(TidplanConstraintProvider.BASELINE, "Nära det handgjorda datumet"),
            Map.entry(TidplanConstraintProvider.MEETING_TIME, "Önskad mötestid"),
            Map.entry(TidplanConstraintProvider.CONFIRMED_SITTING, "Beslut på bekräftat sammanträde"),
            Map.entry(TidplanConstraintProvider.BOOKED_MEETING, "Bokat möte ligger kvar"));

    private RuleNames() {
    }

    /** Every rule's Swedish name, by its constraint name. */
    public static Map<String, String> all() {
        return SWEDISH;
    }

    /** The Swedish name of a constraint of {@link TidplanConstraintProvider}. */
    public static String swedish(String constraintName) {
        String name = SWEDISH.get(constraintName);
        if (name == null) {
            throw new IllegalArgumentException("no Swedish name for the rule '" + constraintName + "'");
        }
        return name;
    }
}
