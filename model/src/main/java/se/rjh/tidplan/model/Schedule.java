package se.rjh.tidplan.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/** A year's calendar (årshjul): the activities to place and the rules they are placed by. */
@PlanningSolution
public class Schedule {

    private String name;
    private LocalDate horizonStart;
    private LocalDate horizonEnd;
    private int timeStepMinutes;

    @ProblemFactProperty
    private WorkingCalendar calendar;
    @ProblemFactProperty
    private OfficeHours officeHours;
    @ProblemFactCollectionProperty
    private List<Body> bodies;
    @ProblemFactCollectionProperty
    private List<Dependency> dependencies;
    @PlanningEntityCollectionProperty
    private List<Activity> activities;

    private ConstraintWeightOverrides<HardSoftLongScore> constraintWeightOverrides;

    @PlanningScore
    private HardSoftLongScore score;

    /** For Timefold's cloning. */
    public Schedule() {
    }

    public Schedule(String name, LocalDate horizonStart, LocalDate horizonEnd, int timeStepMinutes,
            WorkingCalendar calendar, OfficeHours officeHours, List<Body> bodies, List<Dependency> dependencies,
            List<Activity> activities, ConstraintWeightOverrides<HardSoftLongScore> constraintWeightOverrides) {
        this.name = name;
        this.horizonStart = horizonStart;
        this.horizonEnd = horizonEnd;
        this.timeStepMinutes = timeStepMinutes;
        this.calendar = calendar;
        this.officeHours = officeHours;
        this.bodies = bodies;
        this.dependencies = dependencies;
        this.activities = activities;
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    public String getName() {
        return name;
    }

    public LocalDate getHorizonStart() {
        return horizonStart;
    }

    public LocalDate getHorizonEnd() {
        return horizonEnd;
    }

    public int getTimeStepMinutes() {
        return timeStepMinutes;
    }

    public WorkingCalendar getCalendar() {
        return calendar;
    }

    public OfficeHours getOfficeHours() {
        return officeHours;
    }

    public List<Body> getBodies() {
        return bodies;
    }

    /** Puts a body with new sitting days in the place of the one with its code, for every activity too. */
    public void replaceBody(Body replacement) {
        List<Body> updated = new ArrayList<>();
        for (Body body : bodies) {
            updated.add(body.getCode().equals(replacement.getCode()) ? replacement : body);
        }
        bodies = updated;
        for (Activity activity : activities) {
            if (activity.getBodies().stream().anyMatch(b -> b.getCode().equals(replacement.getCode()))) {
                activity.setBodies(activity.getBodies().stream()
                        .map(b -> b.getCode().equals(replacement.getCode()) ? replacement : b).toList());
            }
        }
    }

    public List<Dependency> getDependencies() {
        return dependencies;
    }

    /**
     * Each responsible unit's number of activities per ISO week (by its Monday), units and weeks in order;
     * external events count for nobody.
     */
    public SortedMap<String, SortedMap<LocalDate, Long>> weeklyLoads() {
        SortedMap<String, SortedMap<LocalDate, Long>> loads = new TreeMap<>();
        for (Activity activity : activities) {
            if (!activity.getUnit().isEmpty()) {
                loads.computeIfAbsent(activity.getUnit(), unit -> new TreeMap<>()).merge(activity.getWeek(), 1L, Long::sum);
            }
        }
        return loads;
    }

    public List<Activity> getActivities() {
        return activities;
    }

    public ConstraintWeightOverrides<HardSoftLongScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardSoftLongScore> constraintWeightOverrides) {
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    public HardSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }
}
