package se.rjh.tidplan.solver.search;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;

/**
 * The one preparation every search starts from (solve, replan, generate, the benchmarks): each activity's
 * possible dates and starts (see {@link CandidateValues}), every activity on its allowed date nearest the
 * hand-made one, and what no calendar can meet.
 */
public final class Preparation {

    private Preparation() {
    }

    /** Prepares the dataset's schedule for the search; returns what no calendar can meet, one line each. */
    public static List<String> prepare(Dataset dataset) {
        Schedule schedule = dataset.schedule();
        prepare(schedule);
        return unmeetable(schedule, dataset.rows());
    }

    /** Gives every activity its possible dates and starts, and puts it on the allowed one nearest its hand-made date. */
    public static void prepare(Schedule schedule) {
        CandidateValues.assign(schedule);
        CandidateValues.startFromBaseline(schedule);
    }

    /**
     * What no calendar can meet: an activity dated outside the horizon; a pinned one on a day off or on a day its
     * bodies do not sit; two pinned meetings of one person at once; and, by the critical-path pass, an activity
     * whose chain leaves it no day inside its window, or whose bodies do not sit on a working day inside the
     * days its chain leaves it (a body with no sitting at all among them). Each line starts with the
     * activity's row ({@code file:line}).
     */
    public static List<String> unmeetable(Schedule schedule, Map<String, String> rows) {
        Map<Activity, CandidateValues.Bounds> windows =
                CandidateValues.chainWindows(schedule, CandidateValues.propagate(schedule));
        List<String> findings = new ArrayList<>();
        for (Activity activity : schedule.getActivities()) {
            String where = rows.getOrDefault(activity.getId(), activity.getId());
            LocalDate date = activity.getBaselineDate();
            if (date != null && (date.isBefore(schedule.getHorizonStart()) || date.isAfter(schedule.getHorizonEnd()))) {
                findings.add(where + ": Datum: " + activity.getId() + " is dated " + date + ", outside the horizon "
                        + schedule.getHorizonStart() + " .. " + schedule.getHorizonEnd()
                        + "; widen the horizon in settings.json or move the row");
                continue;
            }
            if (activity.isFixed()) {
                pinnedOnADayItCannotTake(schedule, activity, where).ifPresent(findings::add);
                continue;
            }
            CandidateValues.Bounds window = windows.get(activity);
            if (window.isEmpty()) {
                List<String> chain = new ArrayList<>();
                schedule.getDependencies().stream().filter(d -> d.getAfter() == activity)
                        .forEach(d -> chain.add(d.getBefore().getId() + " -> " + activity.getId()));
                schedule.getDependencies().stream().filter(d -> d.getBefore() == activity)
                        .forEach(d -> chain.add(activity.getId() + " -> " + d.getAfter().getId()));
                findings.add(where + ": Latest: " + activity.getId() + " cannot fit: its chain needs it on or after "
                        + window.earliest() + " and on or before " + window.latest()
                        + (chain.isEmpty() ? "" : " (" + String.join(", ", chain) + ")")
                        + "; widen a window or move a fixed date");
            } else if (!activity.getBodies().isEmpty() && schedule.getCalendar()
                    .workingDays(window.earliest(), window.latest()).stream()
                    .noneMatch(day -> activity.bodiesAbsentOn(day).isEmpty())) {
                findings.add(where + ": Body: " + activity.getBodies().stream().map(Body::getCode).toList()
                        + " do not sit between " + window.earliest() + " and " + window.latest() + ", the days "
                        + activity.getId() + " can take" + whyNoSitting(schedule, activity, window) + "; add a sitting there");
            }
        }
        findings.addAll(pinnedMeetingsAtOnce(schedule, rows));
        return findings;
    }

    /**
     * What lies behind a window without a sitting: the hand-made date when it is a day off (an imported calendar has
     * no sitting on it, so the body may have none left before the deadline), and each absent body's nearest sittings.
     */
    private static String whyNoSitting(Schedule schedule, Activity activity, CandidateValues.Bounds window) {
        List<String> reasons = new ArrayList<>();
        LocalDate handMade = activity.getBaselineDate();
        if (handMade != null) {
            schedule.getCalendar().nonWorkingReason(handMade).ifPresent(dayOff -> reasons.add("its hand-made date "
                    + handMade + " is a day off (" + dayOff + "), so no sitting is there"));
        }
        for (Body body : activity.getBodies()) {
            LocalDate before = body.getSittings().lower(window.earliest());
            LocalDate after = body.getSittings().higher(window.latest());
            if (!body.getSittings().subSet(window.earliest(), true, window.latest(), true).isEmpty()) {
                continue;
            }
            reasons.add(body.getCode() + "'s nearest sittings are " + (before == null ? "none before" : before + " before")
                    + " and " + (after == null ? "none after" : after + " after"));
        }
        return reasons.isEmpty() ? "" : ": " + String.join("; ", reasons);
    }

    /** A pinned row on a day off or a day its bodies do not sit: it cannot stay, and may not move. */
    private static Optional<String> pinnedOnADayItCannotTake(Schedule schedule, Activity activity, String where) {
        LocalDate date = activity.getBaselineDate();
        if (activity.isExternal()) {
            return Optional.empty(); // SKR's dates are SKR's, whatever the day
        }
        var dayOff = schedule.getCalendar().nonWorkingReason(date);
        if (dayOff.isPresent()) {
            return Optional.of(where + ": Pinned: " + activity.getId() + " is pinned on " + date
                    + ", a day off (" + dayOff.get() + "); move its Datum or unpin it");
        }
        List<Body> absent = activity.bodiesAbsentOn(date);
        if (!absent.isEmpty()) {
            return Optional.of(where + ": Pinned: " + activity.getId() + " is pinned on " + date + ", when "
                    + absent.stream().map(Body::getCode).toList() + " do not sit; move its Datum, unpin it, or add the sitting");
        }
        return Optional.empty();
    }

    /** Two pinned meetings that share a person and overlap: neither may move. */
    private static List<String> pinnedMeetingsAtOnce(Schedule schedule, Map<String, String> rows) {
        List<Meeting> pinned = schedule.getActivities().stream()
                .filter(a -> a instanceof Meeting && a.isFixed() && a.getBaselineDate() != null)
                .map(Meeting.class::cast).toList();
        List<String> findings = new ArrayList<>();
        for (int i = 0; i < pinned.size(); i++) {
            for (int j = i + 1; j < pinned.size(); j++) {
                Meeting a = pinned.get(i);
                Meeting b = pinned.get(j);
                LocalTime aEnd = a.getPreferredStart().plusMinutes(a.getDurationMinutes());
                LocalTime bEnd = b.getPreferredStart().plusMinutes(b.getDurationMinutes());
                List<String> shared = a.getParticipants().stream().filter(b.getParticipants()::contains).toList();
                if (a.getBaselineDate().equals(b.getBaselineDate()) && !shared.isEmpty()
                        && a.getPreferredStart().isBefore(bEnd) && b.getPreferredStart().isBefore(aEnd)) {
                    findings.add(rows.getOrDefault(b.getId(), b.getId()) + ": Tid: " + b.getId() + " and " + a.getId()
                            + " are pinned at the same time on " + b.getBaselineDate() + " and both have " + shared
                            + "; move one of them or unpin it");
                }
            }
        }
        return findings;
    }
}
