package se.rjh.tidplan.pages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import se.rjh.tidplan.planning.Sweep;

/**
 * A sweep as one HTML page in Swedish: a bar per what-if (how many activities move, coloured by the verdict) and
 * the table. The markup is {@code sweep.jte}.
 */
public final class SweepPage {

    private static final int BAR = 14;
    private static final int AXIS = 160;

    /** The page as the template reads it: the verdicts' colours for the key, the chart, the table. */
    record View(int count, String keepsRules, String breaksRule, String cannot, Chart chart, List<Row> rows) {
    }

    /** The bars over an axis at {@code axis}, numbered under it at {@code labels}; the highest is {@code most}. */
    record Chart(int width, int height, int axis, int labels, int most, List<Bar> bars) {
    }

    record Bar(int x, int y, int width, int height, String colour, String title, int middle, int index) {
    }

    record Row(int index, String whatIf, String verdict, int moved, String score, String costsMost) {
    }

    private SweepPage() {
    }

    public static void write(List<Sweep.Outcome> outcomes, Path target) {
        Templates.write(render(outcomes), target);
    }

    public static String render(List<Sweep.Outcome> outcomes) {
        return Templates.render("sweep.jte", new View(outcomes.size(), Palette.colour("keeps-rules"),
                Palette.colour("breaks-rule"), Palette.colour("cannot"), chart(outcomes),
                outcomes.stream().map(o -> new Row(o.index(), o.whatIf(), verdict(o), o.moved(), o.score(), costsMost(o)))
                        .toList()));
    }

    private static Chart chart(List<Sweep.Outcome> outcomes) {
        int most = Math.max(1, outcomes.stream().mapToInt(Sweep.Outcome::moved).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Sweep.Outcome o = outcomes.get(i);
            // Never flat: a what-if that moves nothing still shows its colour.
            int height = Math.max(o.moved() * (AXIS - 10) / most, 2);
            int x = 34 + i * BAR;
            bars.add(new Bar(x, AXIS - height, BAR - 3, height, colour(o), o.whatIf() + ": " + o.moved() + " flyttas, "
                    + o.score(), x + BAR / 2, o.index()));
        }
        return new Chart(40 + outcomes.size() * BAR, AXIS + 40, AXIS, AXIS + 14, most, bars);
    }

    private static String colour(Sweep.Outcome o) {
        return Palette.colour(switch (o.verdict()) {
            case "yes" -> "keeps-rules";
            case "no" -> "breaks-rule";
            default -> "cannot";
        });
    }

    private static String verdict(Sweep.Outcome o) {
        return switch (o.verdict()) {
            case "yes" -> "ja";
            case "no" -> "nej";
            default -> "går inte";
        };
    }

    /** The rule that costs most, in Swedish; for a what-if that cannot be made, why not. */
    private static String costsMost(Sweep.Outcome o) {
        if (o.verdict().equals("invalid") || o.dominant().isEmpty()) {
            return o.dominant();
        }
        return Labels.rule(o.dominant());
    }
}
