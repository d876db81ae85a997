package se.rjh.tidplan.solver;

import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.solver.search.Preparation;

/** The region's calendar, read from the default dataset and prepared for the search as the solver gets it. */
public final class Region {

    private Region() {
    }

    public static Schedule schedule() {
        Schedule schedule = DatasetReader.readDefault().schedule();
        Preparation.prepare(schedule);
        return schedule;
    }
}
