package se.rjh.tidplan.solver;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.Meeting;

/**
 * Why a constraint matched, in words a finance officer reads: which activities, which rule, and what
 * would fix it. One record per kind of finding; {@link #description()} is the sentence.
 */
public final class Justifications {

    private Justifications() {
    }

    /** A sentence for a user, and the activities it is about. */
    public interface Finding extends ConstraintJustification {
        String description();

        List<String> activityIds();
    }

    private static List<String> ids(Activity... activities) {
        return Arrays.stream(activities).map(Activity::getId).toList();
    }

    private static String at(Activity a) {
        return a.getId() + " (" + a.getName() + ") on " + a.getDate()
                + (a.getStart() == null ? "" : " " + a.getStart() + "-" + a.getEnd());
    }

    public record LagMissed(Dependency dependency, int shortfall) implements Finding {
        @Override
        public List<String> activityIds() {
            return ids(dependency.getBefore(), dependency.getAfter());
        }

        @Override
        public String description() {
            Dependency d = dependency;
            return at(d.getAfter()) + " comes " + d.getUnit().count(shortfall) + " too soon after "
                    + at(d.getBefore()) + ": it needs at least " + d.getUnit().count(d.getMinLag()) + (d.getReason().isEmpty() ? "" : " (" + d.getReason() + ")")
                    + "; move it later or the step before earlier";
        }
    }

    public record NotASittingDay(Activity activity, String bodies) implements Finding {
        @Override
        public List<String> activityIds() {
            return ids(activity);
        }

        @Override
        public String description() {
            return at(activity) + " is handled by " + bodies + ", which does not sit that day; move it to a sitting day"
                    + " or add the sitting to sittings.csv";
        }
    }

    public record NotAWorkingDay(Activity activity, String reason) implements Finding {
        @Override
        public List<String> activityIds() {
            return ids(activity);
        }

        @Override
        public String description() {
            return at(activity) + " falls on a day off (" + reason + "); move it to a working day";
        }
    }

    public record OutsideWindow(Activity activity, int days) implements Finding {
        @Override
        public List<String> activityIds() {
            return ids(activity);
        }

        @Override
        public String description() {
            boolean early = activity.getEarliest() != null && activity.getDate().isBefore(activity.getEarliest());
            return at(activity) + " is " + LagUnit.CALENDAR_DAYS.count(days) + " "
                    + (early ? "before its earliest date " + activity.getEarliest()
                            : "after its latest date " + activity.getLatest())
                    + (activity.getNote().isEmpty() ? "" : " (" + activity.getNote() + ")");
        }
    }

    public record DoubleBooked(Meeting first, Meeting second) implements Finding {
        @Override
        public List<String> activityIds() {
            return ids(first, second);
        }

        @Override
        public String description() {
            return at(first) + " and " + at(second) + " overlap and share a participant; move one of them";
        }
    }

    public record OutsideOfficeHours(Meeting meeting, String hours) implements Finding {
        @Override
        public List<String> activityIds() {
            return ids(meeting);
        }

        @Override
        public String description() {
            return at(meeting) + " is outside office hours " + hours + "; move it inside them";
        }
    }

    public record FixedMoved(Activity activity) implements Finding {
        @Override
        public List<String> activityIds() {
            return ids(activity);
        }

        @Override
        public String description() {
            return at(activity) + " is " + (activity.isExternal() ? "an external event" : "pinned")
                    + " on " + activity.getBaselineDate()
                    + (activity instanceof Meeting meeting ? " " + meeting.getPreferredStart() : "")
                    + "; put it back there";
        }
    }

    public record WeekLoad(String unit, LocalDate week, int activities, boolean weak) implements Finding {
        @Override
        public List<String> activityIds() {
            return List.of();
        }

        @Override
        public String description() {
            return unit + " has " + activities + " activities in the week of " + week
                    + (weak ? " (a weak week: summer or Christmas)" : "");
        }
    }

    public record BufferMissed(Dependency dependency, int shortfall) implements Finding {
        @Override
        public List<String> activityIds() {
            return ids(dependency.getBefore(), dependency.getAfter());
        }

        @Override
        public String description() {
            Dependency d = dependency;
            return at(d.getAfter()) + " has " + d.getUnit().count(shortfall) + " less buffer than wanted after "
                    + at(d.getBefore()) + (d.getReason().isEmpty() ? "" : " (" + d.getReason() + ")");
        }
    }

    public record MovedFromBaseline(Activity activity, int days) implements Finding {
        @Override
        public List<String> activityIds() {
            return ids(activity);
        }

        @Override
        public String description() {
            return at(activity) + " is " + LagUnit.CALENDAR_DAYS.count(days) + " from its hand-made date "
                    + activity.getBaselineDate();
        }
    }

    public record MeetingTimeMoved(Meeting meeting, int minutes) implements Finding {
        @Override
        public List<String> activityIds() {
            return ids(meeting);
        }

        @Override
        public String description() {
            return at(meeting) + " starts " + minutes + " minutes from its wanted time " + meeting.getPreferredStart();
        }
    }

    public record UnconfirmedSitting(Activity activity, String sittings) implements Finding {
        @Override
        public List<String> activityIds() {
            return ids(activity);
        }

        @Override
        public String description() {
            return at(activity) + " is decided on a sitting still to be confirmed (" + sittings
                    + "); a day from the Tidplan or a protocol is surer";
        }
    }

    public record BookedMeetingMoved(Activity meeting) implements Finding {
        @Override
        public List<String> activityIds() {
            return ids(meeting);
        }

        @Override
        public String description() {
            return at(meeting) + " is booked with its participants for " + meeting.getBaselineDate()
                    + ": moving it means rebooking them";
        }
    }

    public record AttendeesBodySits(Meeting meeting, String body) implements Finding {
        @Override
        public List<String> activityIds() {
            return ids(meeting);
        }

        @Override
        public String description() {
            return at(meeting) + " has " + body + "'s members among its participants, but " + body
                    + " sits that day; move it to a day " + body + " does not sit";
        }
    }
}
