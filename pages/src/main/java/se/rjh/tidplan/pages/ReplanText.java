package se.rjh.tidplan.pages;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.Rules;

/**
 * A re-plan in Swedish, for the change notice: the changes a planner made, and why each activity moved. Planning
 * words its reasons in English for the command line, as "the change: ...", "RULE: ..." or the soft goals; the forms
 * it uses are read here, and a reason of any other form is shown as it is.
 */
final class ReplanText {

    private static final String CHANGE = "the change: ";
    private static final List<Form> DETAILS = List.of(
            new Form("(.+) no longer sits on (\\d{4}-\\d{2}-\\d{2})",
                    m -> m.group(1) + " sammanträder inte längre " + date(m.group(2))),
            new Form("its chain now allows it only from (\\d{4}-\\d{2}-\\d{2}) to (\\d{4}-\\d{2}-\\d{2})",
                    m -> "kedjan tillåter den nu bara från " + date(m.group(1)) + " till " + date(m.group(2))),
            new Form("keeps its order with (.+), which moved", m -> "behåller ordningen med " + m.group(1) + ", som flyttades"),
            new Form("soft goals \\(even workload, buffers\\) now gain from it",
                    m -> "de mjuka målen (jämn arbetsbelastning, marginaler) vinner på det"));

    /** An English phrase of planning's and its Swedish. */
    private record Form(Pattern pattern, Function<Matcher, String> swedish) {
        Form(String regex, Function<Matcher, String> swedish) {
            this(Pattern.compile(regex), swedish);
        }
    }

    private ReplanText() {
    }

    /** "RF sammanträder mån 14 juni 2021 i stället för mån 21 juni 2021"; a kind of change not known here as planning says it. */
    static String change(Replanner.Change change) {
        if (change instanceof Replanner.MoveSitting move) {
            return move.body() + " sammanträder " + Labels.date(move.to()) + " i stället för " + Labels.date(move.from());
        }
        if (change instanceof Replanner.CancelSitting cancel) {
            return cancel.body() + " sammanträder inte " + Labels.date(cancel.date());
        }
        if (change instanceof Replanner.AddSitting add) {
            return add.body() + " sammanträder också " + Labels.date(add.date());
        }
        if (change instanceof Replanner.MoveForecast forecast) {
            return "SKR:s prognos kommer " + Labels.date(forecast.to()) + " i stället för " + Labels.date(forecast.from());
        }
        if (change instanceof Replanner.Pin pin) {
            return pin.id() + " läggs fast på " + Labels.date(pin.date());
        }
        return change.describe();
    }

    /** Why an activity moved: the change itself (one of {@code changes}), a rule by its Swedish name, the soft goals. */
    static String reason(String reason, List<Replanner.Change> changes) {
        if (reason.startsWith(CHANGE)) {
            String described = reason.substring(CHANGE.length());
            return "ändringen: " + changes.stream().filter(c -> c.describe().equals(described)).findFirst()
                    .map(ReplanText::change).orElse(described);
        }
        for (var rule : Rules.swedishNames().entrySet()) {
            if (reason.startsWith(rule.getKey() + ": ")) {
                return rule.getValue() + ": " + detail(reason.substring(rule.getKey().length() + 2));
            }
        }
        return detail(reason);
    }

    private static String detail(String detail) {
        for (Form form : DETAILS) {
            Matcher m = form.pattern().matcher(detail);
            if (m.matches()) {
                return form.swedish().apply(m);
            }
        }
        return detail;
    }

    private static String date(String isoDate) {
        return Labels.date(LocalDate.parse(isoDate));
    }
}
