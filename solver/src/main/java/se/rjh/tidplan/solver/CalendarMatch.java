package se.rjh.tidplan.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.rjh.tidplan.data.CalendarFile;
import se.rjh.tidplan.data.CalendarRow;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Schedule;

/**
 * Which row of a calendar file is which activity of a dataset: by {@code Id} when the file has one
 * (tidplan's own output), else by the name as the region wrote it, in date order when a name repeats.
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
            Activity activity = row.id() != null && byId.containsKey(row.id()) ? byId.get(row.id())
                    : byName.getOrDefault(row.name(), List.of()).stream().filter(a -> !matched.containsKey(a))
                            .findFirst().orElse(null);
            if (activity == null || matched.containsKey(activity)) {
                notes.add(content.file() + ":" + row.line() + ": '" + row.name()
                        + "' is not an activity of the dataset (or is there twice); left out");
                continue;
            }
            matched.put(activity, row);
        }
        for (Activity activity : schedule.getActivities()) {
            if (!matched.containsKey(activity)) {
                notes.add(activity.getId() + " (" + activity.getName() + ") is not in " + content.file()
                        + "; taken at its dataset date " + activity.getBaselineDate());
            }
        }
        return matched;
    }
}
