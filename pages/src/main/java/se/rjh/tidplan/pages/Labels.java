package se.rjh.tidplan.pages;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.planning.Rules;

/** The Swedish words the pages share: the processes, days and months, the rules (named by planning), counts. */
public final class Labels {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", SWEDISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", SWEDISH);
    private static final List<String> WEEKDAYS = Arrays.stream(DayOfWeek.values())
            .map(day -> day.getDisplayName(TextStyle.SHORT_STANDALONE, SWEDISH)).toList();

    private Labels() {
    }

    /** The labels the workspace's page shares with these pages: each process's and each rule's Swedish name. */
    public record Shared(Map<String, String> processes, Map<String, String> rules) {
    }

    public static Shared shared() {
        Map<String, String> processes = new LinkedHashMap<>();
        for (ProcessArea process : ProcessArea.values()) {
            processes.put(process.name(), process(process));
        }
        return new Shared(processes, Rules.swedishNames());
    }

    static String process(ProcessArea process) {
        return switch (process) {
            case P -> "Planering";
            case B -> "Budget";
            case I -> "Investering";
            case IK -> "Intern kontroll";
            case U -> "Uppföljning";
        };
    }

    /** A rule's Swedish name, by its constraint name. */
    static String rule(String constraintName) {
        return Rules.swedish(constraintName);
    }

    /** "maj 2021". */
    static String month(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, SWEDISH) + " " + month.getYear();
    }

    /** "mån" to "sön". */
    static List<String> weekdays() {
        return WEEKDAYS;
    }

    /** "tis 18 maj", where the year goes without saying. */
    static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** "tis 18 maj 2021". */
    static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** Why a day is off: the calendar names weekends in English and holidays in Swedish. */
    static String dayOff(String reason) {
        return switch (reason) {
            case "Saturday" -> "lördag";
            case "Sunday" -> "söndag";
            default -> reason;
        };
    }

    /** "1 aktivitet", "2 aktiviteter". */
    static String activities(long count) {
        return count + (count == 1 ? " aktivitet" : " aktiviteter");
    }
}
