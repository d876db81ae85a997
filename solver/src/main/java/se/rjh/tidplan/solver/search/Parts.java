package se.rjh.tidplan.solver.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.model.Schedule;

/**
 * A schedule's independent parts (delar): sets of activities that no constraint links, so that each can be
 * solved on its own and the best calendars put side by side are the best calendar of the whole. Two activities
 * are in one part when a dependency joins them (order, lag, buffer, after a forecast), when they count on the
 * same unit's weekly load, or when they are meetings with a person in common (double booking). Nothing else
 * links two activities: the sitting-day, working-day, window, pin, office-hours, baseline and meeting-time rules
 * each look at one activity alone, against facts no activity changes (a body's sittings, the holidays), so two
 * activities of one body are not linked by it.
 */
public final class Parts {

    /** One part: its activities in the schedule's order, and the dependencies among them. */
    public record Part(List<Activity> activities, List<Dependency> dependencies) {

        /** The part as a schedule of its own, with the whole's calendar, office hours and weights, and the bodies it uses. */
        public Schedule schedule(Schedule whole, int index, int count) {
            Set<Body> bodies = new LinkedHashSet<>();
            activities.forEach(activity -> bodies.addAll(activity.getBodies()));
            return new Schedule(whole.getName() + " (part " + (index + 1) + " of " + count + ")", whole.getHorizonStart(),
                    whole.getHorizonEnd(), whole.getTimeStepMinutes(), whole.getCalendar(), whole.getOfficeHours(),
                    new ArrayList<>(bodies), new ArrayList<>(dependencies), new ArrayList<>(activities),
                    whole.getConstraintWeightOverrides());
        }
    }

    private Parts() {
    }

    /** The parts of a schedule, largest first (ties in the schedule's order): the order they are best solved in. */
    public static List<Part> of(Schedule schedule) {
        List<Activity> activities = schedule.getActivities();
        Map<Activity, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < activities.size(); i++) {
            index.put(activities.get(i), i);
        }
        int[] parent = new int[activities.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (Dependency dependency : schedule.getDependencies()) {
            union(parent, index.get(dependency.getBefore()), index.get(dependency.getAfter()));
        }
        Map<String, Integer> firstOfUnit = new HashMap<>();
        Map<String, Integer> firstWithPerson = new HashMap<>();
        for (int i = 0; i < activities.size(); i++) {
            Activity activity = activities.get(i);
            if (!activity.getUnit().isEmpty()) {
                union(parent, i, firstOfUnit.merge(activity.getUnit(), i, Math::min));
            }
            if (activity instanceof Meeting meeting) {
                for (String person : meeting.getParticipants()) {
                    union(parent, i, firstWithPerson.merge(person, i, Math::min));
                }
            }
        }
        Map<Integer, List<Activity>> members = new LinkedHashMap<>();
        for (int i = 0; i < activities.size(); i++) {
            members.computeIfAbsent(root(parent, i), root -> new ArrayList<>()).add(activities.get(i));
        }
        Map<Integer, List<Dependency>> dependencies = new HashMap<>();
        for (Dependency dependency : schedule.getDependencies()) {
            dependencies.computeIfAbsent(root(parent, index.get(dependency.getBefore())), root -> new ArrayList<>()).add(dependency);
        }
        List<Part> parts = new ArrayList<>();
        members.forEach((root, list) -> parts.add(new Part(List.copyOf(list), List.copyOf(dependencies.getOrDefault(root, List.of())))));
        parts.sort((a, b) -> Integer.compare(b.activities().size(), a.activities().size()));
        return parts;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = root(parent, a);
        int rootB = root(parent, b);
        // The smaller index becomes the root, so a part's root is its first activity whatever the order of unions.
        if (rootA < rootB) {
            parent[rootB] = rootA;
        } else {
            parent[rootA] = rootB;
        }
    }
}
