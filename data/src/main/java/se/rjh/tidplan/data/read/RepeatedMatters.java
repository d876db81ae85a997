package se.rjh.tidplan.data.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same matter in the same body on two dates (the Tidplan has "Tillämpningsanvisningar ... beslutas i RS AU"
 * on 2021-01-26 and 2021-02-16). It may be meant (a matter tabled and taken up again) or a row left behind
 * when a date was moved; tidplan keeps both as steps in date order and says so, so that the planner decides.
 */
public final class RepeatedMatters {

    /**
     * One row: where it is, its id (or empty), its name as written, its År i fokus, the bodies it is handled by, its
     * date. A name without a year ("Regionplan ... för kommande 4 årsperiod") is another matter for another year.
     */
    public record Step(String where, String id, String name, String yearInFocus, List<String> bodies, LocalDate date) {
    }

    private RepeatedMatters() {
    }

    /** One warning per repetition, naming the later row and the earlier one. */
    public static List<String> find(List<Step> steps) {
        Map<String, List<Step>> byMatter = new LinkedHashMap<>();
        for (Step step : steps) {
            if (!step.bodies().isEmpty() && step.date() != null) {
                String matter = step.name() + "\u0000" + step.yearInFocus() + "\u0000" + String.join(";", step.bodies());
                byMatter.computeIfAbsent(matter, k -> new ArrayList<>()).add(step);
            }
        }
        List<String> warnings = new ArrayList<>();
        for (List<Step> same : byMatter.values()) {
            same.sort(Comparator.comparing(Step::date));
            for (int i = 1; i < same.size(); i++) {
                Step first = same.get(0);
                Step again = same.get(i);
                warnings.add(again.where() + ": " + DatasetReader.AKTIVITET + ": " + label(again) + " is the same matter in "
                        + String.join(" and ", again.bodies()) + " as " + label(first) + " ('" + again.name()
                        + "'); both are kept, in date order: remove one if the matter passes "
                        + String.join(" and ", again.bodies()) + " only once");
            }
        }
        return warnings;
    }

    private static String label(Step step) {
        return (step.id().isEmpty() ? "the row" : step.id()) + " on " + step.date();
    }
}
