package se.rjh.tidplan.pages;

import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Schedule;

/** The region's calendar as the page tests use it: as a calendar file, and one activity of it. */
final class Region {

    private Region() {
    }

    /** The schedule's calendar as tidplan writes it, read back as a calendar file named {@code file}. */
    static CalendarFile.Content calendar(String file, Schedule schedule) {
        return CalendarFile.read(file, CalendarCsvWriter.text(schedule));
    }

    static Activity activity(Schedule schedule, String id) {
        return schedule.getActivities().stream().filter(a -> a.getId().equals(id)).findFirst().orElseThrow();
    }
}
