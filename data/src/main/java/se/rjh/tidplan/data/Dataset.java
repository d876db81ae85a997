package se.rjh.tidplan.data;

import java.util.List;

import se.rjh.tidplan.model.Schedule;

/**
 * A loaded dataset: the problem for the solver, the settings it was built with, and the warnings a user
 * should read (a sitting on a holiday, say) that do not stop the solve.
 */
public record Dataset(Settings settings, Schedule schedule, List<String> warnings) {

    /** The name of the default dataset embedded in the jar. */
    public static final String DEFAULT = "rjh-2021";
}
