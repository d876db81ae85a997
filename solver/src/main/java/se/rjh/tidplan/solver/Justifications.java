package se.rjh.tidplan.solver;

import java.time.LocalDate;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.Meeting;

/**
 * Why a constraint matched, in words a finance officer reads: which activities, which rule, and what
 * would fix it. One record per kind of finding; {@link #description()} is the sentence.
 */
public final class Justifications {

    private Justifications() {
    }

    /** A sentence for a user. */
    public interface Finding extends ConstraintJustification {
        String description();
    }

    private static String at(Activity a) {
        return a.getId() + " (" + a.getName() + ") on " + a.getDate()
                + (a.getStart() == null ? "" : " " + a.getStart() + "-" + a.getEnd());
    }

    public record LagMissed(Dependency dependency, int shortfall) implements Finding {
        @Override
        public String description() {
            Dependency d = dependency;
            return at(d.getAfter()) + " comes " + shortfall + " " + d.getUnit().label() + " too soon after "
                    + at(d.getBefore()) + ": at least " + d.getMinLag() + " " + d.getUnit().label()
                    + " are needed" + (d.getReason().isEmpty() ? "" : " (" + d.getReason() + ")")
                    + "; move it later or the step before earlier";
        }
    }

    public record NotASittingDay(Activity activity, String bodies) implements Finding {
        @Override
        public String description() {
            return at(activity) + " is handled by " + bodies + ", which does not sit that day; move it to a sitting day"
                    + " or add the sitting to sittings.csv";
        }
    }

    public record NotAWorkingDay(Activity activity, String reason) implements Finding {
        @Override
        public String description() {
            return at(activity) + " falls on a day off (" + reason + "); move it to a working day";
        }
    }

    public record OutsideWindow(Activity activity, int days) implements Finding {
        @Override
        public String description() {
            boolean early = activity.getEarliest() != null && activity.getDate().isBefore(activity.getEarliest());
            return at(activity) + " is " + days + " days "
                    + (early ? "before its earliest date " + activity.getEarliest()
                            : "after its latest date " + activity.getLatest())
                    + (activity.getNote().isEmpty() ? "" : " (" + activity.getNote() + ")");
        }
    }

    public record DoubleBooked(Meeting first, Meeting second) implements Finding {
        @Override
        public String description() {
            return at(first) + " and " + at(second) + " overlap and share a participant; move one of them";
        }
    }

    public record OutsideOfficeHours(Meeting meeting, String hours) implements Finding {
        @Override
        public String description() {
            return at(meeting) + " is outside office hours " + hours + "; move it inside them";
        }
    }

    public record FixedMoved(Activity activity) implements Finding {
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
        public String description() {
            return unit + " has " + activities + " activities in the week of " + week
                    + (weak ? " (a weak week: summer or Christmas)" : "");
        }
    }

    public record BufferMissed(Dependency dependency, int shortfall) implements Finding {
        @Override
        public String description() {
            Dependency d = dependency;
            return at(d.getAfter()) + " has " + shortfall + " " + d.getUnit().label() + " less buffer than wanted after "
                    + at(d.getBefore()) + (d.getReason().isEmpty() ? "" : " (" + d.getReason() + ")");
        }
    }

    public record MovedFromBaseline(Activity activity, int days) implements Finding {
        @Override
        public String description() {
            return at(activity) + " is " + days + " days from its hand-made date " + activity.getBaselineDate();
        }
    }

    public record MeetingTimeMoved(Meeting meeting, int minutes) implements Finding {
        @Override
        public String description() {
            return at(meeting) + " starts " + minutes + " minutes from its wanted time " + meeting.getPreferredStart();
        }
    }
}
