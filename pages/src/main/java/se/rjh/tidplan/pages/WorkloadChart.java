package se.rjh.tidplan.pages;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;

/**
 * A unit's activities per ISO week as a bar chart, drawn in SVG: the geometry is worked out here, the template
 * ({@code yearview.jte}) writes the elements. The axes: activities up the side (0 and the highest week), ISO weeks
 * along the bottom.
 */
record WorkloadChart(String unit, long max, int width, int height, List<Mark> axes, List<Bar> bars) {

    private static final int LEFT = 28;
    private static final int STEP = 7;
    private static final int TOP = 8;
    private static final int BAR_HEIGHT = 60;

    /** A line or a label of the axes. */
    sealed interface Mark permits Line, Text {
    }

    record Line(int x1, int y1, int x2, int y2) implements Mark {
    }

    record Text(int x, int y, String anchor, String text) implements Mark {
    }

    /** A week's bar; {@code weak}: a week of summer or Christmas. */
    record Bar(long x, long y, long height, boolean weak, String title) {
    }

    /** One chart per unit, over the weeks from {@code first} to {@code last}. */
    static List<WorkloadChart> of(Schedule schedule, LocalDate first, LocalDate last) {
        LocalDate firstWeek = WorkingCalendar.weekOf(first);
        int weeks = (int) ((last.toEpochDay() - firstWeek.toEpochDay()) / 7 + 1);
        List<WorkloadChart> charts = new ArrayList<>();
        for (Map.Entry<String, SortedMap<LocalDate, Long>> unit : schedule.weeklyLoads().entrySet()) {
            charts.add(chart(unit.getKey(), unit.getValue(), schedule.getCalendar(), firstWeek, weeks));
        }
        return charts;
    }

    private static WorkloadChart chart(String unit, SortedMap<LocalDate, Long> loads, WorkingCalendar calendar,
            LocalDate firstWeek, int weeks) {
        long max = Math.max(1, loads.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int width = LEFT + weeks * STEP + 10;
        int axis = TOP + BAR_HEIGHT;
        List<Mark> axes = new ArrayList<>(List.of(new Line(LEFT - 2, TOP, LEFT - 2, axis),
                new Line(LEFT - 2, axis, width - 4, axis), new Text(LEFT - 5, axis + 3, "end", "0"),
                new Text(LEFT - 5, TOP + 4, "end", String.valueOf(max)), new Line(LEFT - 5, TOP, LEFT - 2, TOP)));
        for (int index = 0; index < weeks; index++) {
            int number = firstWeek.plusWeeks(index).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (number % 4 == 1 && number != 53) {
                int x = LEFT + index * STEP + 2;
                axes.add(new Line(x, axis, x, axis + 3));
                axes.add(new Text(x, axis + 12, "middle", Labels.say(se.rjh.tidplan.planning.words.Text.WEEK, number)));
            }
        }
        axes.add(new Text(width - 4, axis + 22, "end", Labels.say(se.rjh.tidplan.planning.words.Text.YEAR_VIEW_WEEK_AXIS)));
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<LocalDate, Long> week : loads.entrySet()) {
            long index = (week.getKey().toEpochDay() - firstWeek.toEpochDay()) / 7;
            long height = week.getValue() * BAR_HEIGHT / max;
            bars.add(new Bar(LEFT + index * STEP, axis - height, height, calendar.isWeakWeek(week.getKey()),
                    Labels.say(se.rjh.tidplan.planning.words.Text.YEAR_VIEW_BAR, unit, week.getKey().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                            week.getKey().get(IsoFields.WEEK_BASED_YEAR), Labels.activities(week.getValue()))));
        }
        return new WorkloadChart(unit, max, width, axis + 24, axes, bars);
    }
}
