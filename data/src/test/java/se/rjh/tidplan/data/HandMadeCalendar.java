package se.rjh.tidplan.data;

import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;

/** The region's 2021 calendar as the Tidplan has it, for tests of what is written from a calendar: no solve. */
public final class HandMadeCalendar {

    private HandMadeCalendar() {
    }

    /** Every activity on its hand-made date, every meeting at its preferred time. */
    public static Schedule placed() {
        Schedule schedule = DatasetReader.readDefault().schedule();
        for (Activity activity : schedule.getActivities()) {
            activity.setDate(activity.getBaselineDate());
            if (activity instanceof Meeting meeting) {
                meeting.setStart(meeting.getPreferredStart());
            }
        }
        return schedule;
    }
}
