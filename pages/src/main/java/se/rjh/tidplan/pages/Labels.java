package se.rjh.tidplan.pages;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.planning.words.Words;

/**
 * The words the pages share, in the planners' language: the processes, the rules and counts from the bundle
 * ({@link Words}), days and months as the language's calendar names them.
 */
public final class Labels {

    private static final Words WORDS = Words.planners();
    private static final Locale SWEDISH = WORDS.locale();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", SWEDISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", SWEDISH);
    private static final List<String> WEEKDAYS = Arrays.stream(DayOfWeek.values())
            .map(day -> day.getDisplayName(TextStyle.SHORT_STANDALONE, SWEDISH)).toList();

    private Labels() {
    }

    /**
     * What the workspace's page says, shared with these pages: each process's and each rule's name, and every
     * sentence of the bundle by its key ({@code texts}: the page's own texts and the server's), as patterns.
     */
    public record Shared(Map<String, String> processes, Map<String, String> rules, Map<String, String> texts) {
    }

    public static Shared shared() {
        return new Shared(WORDS.processes(), WORDS.rules(), WORDS.patterns());
    }

    /** A phrase in the pages' words. */
    static String say(Phrase phrase) {
        return WORDS.say(phrase);
    }

    /** A sentence of the bundle in the pages' words: what a template says. */
    public static String say(Text text, Object... arguments) {
        return WORDS.say(text, arguments);
    }

    /** A score in words: "0 brutna regler, 4 530 straffpoäng". */
    static String score(HardSoftLongScore score) {
        return WORDS.say(Words.score(score));
    }

    /** A rule's score as its penalty points (a rule is hard or soft: one part is 0), or a difference of two, signed. */
    static long points(HardSoftLongScore score) {
        return -(score.hardScore() + score.softScore());
    }

    static String process(ProcessArea process) {
        return WORDS.process(process);
    }

    /** A rule's name, by its constraint name. */
    static String rule(String constraintName) {
        return WORDS.say(Words.rule(constraintName));
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
        return WORDS.say(Words.dayOff(reason));
    }

    /** "1 aktivitet", "2 aktiviteter". */
    static String activities(long count) {
        return WORDS.say(Text.COUNT_ACTIVITIES, count);
    }
}
