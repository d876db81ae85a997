package se.rjh.tidplan.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.read.CalendarRow;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Schedule;

/**
 * Which row of a calendar file is which activity of a dataset: by {@code Id} when the file has one
 * (tidplan's own output), else by the name as the region wrote it, in date order when a name repeats. A row
 * the dataset splits into several activities (one decision per body, e.g. "Beslut VP 2022 i RS o RUN") is
 * all of those whose name and hand-made date it has.
 */
final class CalendarMatch {

    private CalendarMatch() {
    }

    /** The matched rows; rows and activities left over are told in {@code notes}. */
    static Map<Activity, CalendarRow> match(Schedule schedule, CalendarFile.Content content, List<String> notes) {
        Map<String, Activity> byId = new LinkedHashMap<>();
        Map<String, List<Activity>> byName = new HashMap<>();
        for (Activity activity : schedule.getActivities()) {
            byId.put(activity.getId(), activity);
            byName.computeIfAbsent(activity.getName(), n -> new ArrayList<>()).add(activity);
        }
        byName.values().forEach(list -> list.sort(Comparator.comparing(Activity::getBaselineDate,
                Comparator.nullsLast(Comparator.naturalOrder()))));
        Map<Activity, CalendarRow> matched = new IdentityHashMap<>();
        List<CalendarRow> rows = new ArrayList<>(content.rows());
        rows.sort(Comparator.comparing(CalendarRow::date));
        for (CalendarRow row : rows) {
            List<Activity> activities = row.id() != null && byId.containsKey(row.id()) ? List.of(byId.get(row.id()))
                    : byName(byName.getOrDefault(row.name(), List.of()), matched, row);
            if (activities.isEmpty() || activities.stream().anyMatch(matched::containsKey)) {
                notes.add(content.file() + ":" + row.line() + ": '" + row.name()
                        + "' is not an activity of the dataset (or is there twice); left out");
                continue;
            }
            activities.forEach(activity -> matched.put(activity, row));
        }
        for (Activity activity : schedule.getActivities()) {
            if (!matched.containsKey(activity)) {
                notes.add(activity.getId() + " (" + activity.getName() + ") is not in " + content.file()
                        + "; taken at its dataset date " + activity.getBaselineDate());
            }
        }
        return matched;
    }

    /** The unmatched activities of this name on the row's date, or else the first unmatched one. */
    private static List<Activity> byName(List<Activity> named, Map<Activity, CalendarRow> matched, CalendarRow row) {
        List<Activity> open = named.stream().filter(a -> !matched.containsKey(a)).toList();
        List<Activity> sameDay = open.stream().filter(a -> row.date().equals(a.getBaselineDate())).toList();
        return !sameDay.isEmpty() ? sameDay : open.stream().limit(1).toList();
    }
}
