package se.rjh.tidplan.data;

import java.util.List;

import se.rjh.tidplan.model.Schedule;

/**
 * A loaded dataset: the problem for the solver, the settings it was built with, the warnings a user
 * should read (a sitting on a holiday, say), what to review once though it may be meant (a matter in the
 * same body twice), and what no calendar can meet (a window its chain or its body's sittings cannot
 * reach): valid input that will solve to an infeasible calendar.
 */
public record Dataset(Settings settings, Schedule schedule, List<String> warnings, List<String> reviews,
        List<String> unmeetable, String settingsFile) {

    /** The name of the default dataset embedded in the jar. */
    public static final String DEFAULT = "rjh-2021";
}
