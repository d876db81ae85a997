package se.rjh.tidplan.data;

import java.util.List;
import java.util.Map;

import se.rjh.tidplan.model.Schedule;

/**
 * A read dataset: the problem (its activities not yet given the dates the search may try: the solver's
 * preparation does that), the settings it was built with, the warnings a user should read (a sitting on a
 * holiday, say), what to review once though it may be meant (a matter in the same body twice), and where each
 * activity's row is ({@code file:line}, by activity id) for pointing at it later.
 */
public record Dataset(Settings settings, Schedule schedule, List<String> warnings, List<String> reviews,
        Map<String, String> rows, String settingsFile) {

    /** The name of the default dataset embedded in the jar. */
    public static final String DEFAULT = "rjh-2021";
}
