package se.rjh.tidplan.data.transform;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import se.rjh.tidplan.data.read.Bodies;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.ProcessArea;

/**
 * The windows the law and the year itself give an imported row, known from its name, its year in focus (År i
 * fokus) and the body that decides it (Kommunallagen 2017:725 11 kap; see {@code domain.md}):
 * <ul>
 * <li>RS proposes the budget (the Regionplan) by 31 October (8 §), RF sets it by 30 November of the year before (10 §);</li>
 * <li>a plan or budget for a year is decided, or ready, before that year starts;</li>
 * <li>the board hands the annual report to RF and the auditors by 15 April (19 §), and RF approves it by 30 June
 *     of the year after (before the discharge decision);</li>
 * <li>an interim report decided by RS or RF after midsummer is the law's 6-8 month report: it reaches RF within
 *     two months of its period, by 31 October at the latest (16 §);</li>
 * <li>a report "per" a month needs that month's books, and the books of a year close after the year.</li>
 * </ul>
 * A row gets the tightest window that applies, and its Note says which rule gave it.
 */
final class LegalWindows {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final Pattern BUDGET = Pattern.compile("(?iu)regionplan|budgetram");
    private static final Pattern PLAN = Pattern.compile("(?iu)\\bVP\\b|plan|budget");
    private static final Pattern DECIDED_OR_READY = Pattern.compile("(?iu)\\bklar|\\bbeslut|fastställ");
    private static final Pattern ANNUAL_REPORT = Pattern.compile("(?iu)årsredovisning");
    private static final Pattern BOOKS_CLOSE = Pattern.compile("(?iu)redovisningen stänger");
    private static final Pattern INTERIM_REPORT = Pattern.compile("(?iu)delårsrapport");
    private static final Pattern PER_MONTH = Pattern.compile("(?iu)\\bper (\\p{L}+)");

    private LegalWindows() {
    }

    /** Gives each activity the windows its rules imply; returns how many got one. */
    static int apply(List<Activity> activities) {
        int given = 0;
        for (Activity activity : activities) {
            if (!activity.isExternal() && give(activity)) {
                given++;
            }
        }
        return given;
    }

    private static boolean give(Activity activity) {
        String name = activity.getName();
        Optional<Integer> year = yearInFocus(activity);
        String body = decidingBody(activity);
        Window window = new Window();
        if (year.isPresent()) {
            int y = year.get();
            if (BUDGET.matcher(name).find() && body.equals("RS")) {
                window.latest(LocalDate.of(y - 1, 10, 31), "KL 11 kap 8 §: RS föreslår budgeten före oktober månads utgång");
            }
            if (BUDGET.matcher(name).find() && body.equals("RF")) {
                window.latest(LocalDate.of(y - 1, 11, 30), "KL 11 kap 10 §: RF fastställer budgeten före november månads utgång");
            }
            boolean plan = PLAN.matcher(name).find() && !activity.getProcesses().contains(ProcessArea.IK)
                    && (activity.getProcesses().contains(ProcessArea.P) || activity.getProcesses().contains(ProcessArea.B));
            if (plan && (Bodies.rank(body) >= 3 || DECIDED_OR_READY.matcher(name).find())) {
                window.latest(LocalDate.of(y - 1, 12, 31), "Planen fastställs innan dess år börjar");
            }
            if (ANNUAL_REPORT.matcher(name).find() && body.equals("RS")) {
                window.latest(LocalDate.of(y + 1, 4, 15), "KL 11 kap 19 §: styrelsen lämnar årsredovisningen till RF och revisorerna senast den 15 april");
            }
            if (ANNUAL_REPORT.matcher(name).find() && body.equals("RF")) {
                window.latest(LocalDate.of(y + 1, 6, 30),
                        "RF godkänner årsredovisningen innan det beslutar om ansvarsfrihet före juni månads utgång");
            }
            if (BOOKS_CLOSE.matcher(name).find()) {
                window.earliest(LocalDate.of(y + 1, 1, 1), "Bokslutet för " + y + " stängs efter årets slut");
            }
        }
        LocalDate date = activity.getBaselineDate();
        if (INTERIM_REPORT.matcher(name).find()) {
            perMonth(name).ifPresent(month -> window.earliest(LocalDate.of(date.getYear(), month, 1).plusMonths(1),
                    "Rapporten per " + month.getDisplayName(TextStyle.FULL, SWEDISH) + " kräver den månadens bokföring"));
            if ((body.equals("RS") || body.equals("RF")) && date.getMonthValue() >= 7) {
                window.latest(LocalDate.of(date.getYear(), 10, 31),
                        "KL 11 kap 16 §: delårsrapporten når RF inom två månader efter sin period (6-8 månader)");
            }
        }
        return window.setOn(activity);
    }

    private static Optional<Integer> yearInFocus(Activity activity) {
        String text = activity.getYearInFocus().trim();
        return text.matches("\\d{4}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
    }

    /** The highest body that handles the row: its decision is the one the law's deadline is about. */
    private static String decidingBody(Activity activity) {
        return activity.getBodies().stream().map(Body::getCode).max(Comparator.comparingInt(Bodies::rank)).orElse("");
    }

    private static Optional<Month> perMonth(String name) {
        Matcher per = PER_MONTH.matcher(name);
        while (per.find()) {
            for (Month month : Month.values()) {
                if (month.getDisplayName(TextStyle.FULL, SWEDISH).equalsIgnoreCase(per.group(1))) {
                    return Optional.of(month);
                }
            }
        }
        return Optional.empty();
    }

    /** The tightest window of those a row's rules give, and the reasons of the ends that bind. */
    private static final class Window {
        private LocalDate earliest;
        private LocalDate latest;
        private String earliestReason;
        private String latestReason;

        void earliest(LocalDate date, String reason) {
            if (earliest == null || date.isAfter(earliest)) {
                earliest = date;
                earliestReason = reason;
            }
        }

        void latest(LocalDate date, String reason) {
            if (latest == null || date.isBefore(latest)) {
                latest = date;
                latestReason = reason;
            }
        }

        boolean setOn(Activity activity) {
            if (earliest == null && latest == null) {
                return false;
            }
            activity.setWindow(earliest, latest);
            String reasons = String.join("; ", Stream.of(earliestReason, latestReason)
                    .filter(Objects::nonNull).toList());
            activity.setNote(activity.getNote().isEmpty() ? reasons : activity.getNote() + "; " + reasons);
            return true;
        }
    }
}
