package se.rjh.tidplan.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.ProcessArea;

/**
 * Sweden's general elections (allmänna val): every fourth year since 1994, on the second Sunday of September.
 * The newly elected council (fullmäktige) takes office on 15 October, and in an election year it is the new
 * council that sets next year's budget (Kommunallagen 2017:725, 11 kap 10 §).
 */
public final class ElectionYears {

    public static final String COUNCIL = "RF";
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})");

    private ElectionYears() {
    }

    public static boolean isElectionYear(int year) {
        return year >= 1994 && (year - 1994) % 4 == 0;
    }

    /** The second Sunday of September. */
    public static LocalDate electionDay(int year) {
        return LocalDate.of(year, 9, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY));
    }

    /** The day the newly elected council takes office. */
    public static LocalDate newCouncilFrom(int year) {
        return LocalDate.of(year, 10, 15);
    }

    /**
     * The year in which the council sets the budget this activity decides, when that is an election year: an
     * activity at a sitting of RF, in the budget process (B), whose År i fokus is the year after an election.
     */
    public static Optional<Integer> electionYearOfBudget(Activity activity) {
        boolean council = activity.getBodies().stream().map(Body::getCode).anyMatch(COUNCIL::equals);
        Matcher year = YEAR.matcher(activity.getYearInFocus());
        if (!council || !activity.getProcesses().contains(ProcessArea.B) || !year.find()) {
            return Optional.empty();
        }
        int decidedIn = Integer.parseInt(year.group(1)) - 1;
        return isElectionYear(decidedIn) ? Optional.of(decidedIn) : Optional.empty();
    }

    /** The budget decisions of an election year that could come before the new council takes office. */
    public static List<Activity> beforeTheNewCouncil(List<Activity> activities) {
        return activities.stream().filter(a -> electionYearOfBudget(a)
                .filter(year -> a.getEarliest() == null || a.getEarliest().isBefore(newCouncilFrom(year)))
                .isPresent()).toList();
    }

    /** What the law says about one such decision, for a warning or a note. */
    public static String rule(Activity activity, int year) {
        return activity.getId() + " sets the budget for " + (year + 1) + " in " + year + ", an election year (election day "
                + electionDay(year) + "): the newly elected RF, in office from " + newCouncilFrom(year)
                + ", sets it (KL 11 kap 10 §)";
    }
}
