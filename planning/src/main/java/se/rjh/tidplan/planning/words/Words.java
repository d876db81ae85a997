package se.rjh.tidplan.planning.words;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.model.SittingSource;
import se.rjh.tidplan.solver.TidplanConstraintProvider;

/**
 * One language's words for everything the planners are told: the bundle {@code se/rjh/tidplan/planning/words/words_sv
 * .properties} (UTF-8, {@link MessageFormat} patterns), read once. The planners' pages speak Swedish; another language
 * is another bundle beside it. The command line keeps its English sentences in the code.
 */
public final class Words {

    private static final String BUNDLE = "se.rjh.tidplan.planning.words.words";
    private static final Words SWEDISH = new Words(Locale.forLanguageTag("sv"));

    /** Each rule's name, by the solver's constraint name. */
    private static final Map<String, Text> RULES = Map.ofEntries(
            Map.entry(TidplanConstraintProvider.ORDER, Text.RULE_ORDER),
            Map.entry(TidplanConstraintProvider.SITTING_DAY, Text.RULE_SITTING_DAY),
            Map.entry(TidplanConstraintProvider.AFTER_FORECAST, Text.RULE_AFTER_FORECAST),
            Map.entry(TidplanConstraintProvider.WORKING_DAY, Text.RULE_WORKING_DAY),
            Map.entry(TidplanConstraintProvider.WINDOW, Text.RULE_WINDOW),
            Map.entry(TidplanConstraintProvider.DOUBLE_BOOKED, Text.RULE_DOUBLE_BOOKED),
            Map.entry(TidplanConstraintProvider.OFFICE_HOURS, Text.RULE_OFFICE_HOURS),
            Map.entry(TidplanConstraintProvider.FIXED, Text.RULE_FIXED),
            Map.entry(TidplanConstraintProvider.EVEN_WORKLOAD, Text.RULE_EVEN_WORKLOAD),
            Map.entry(TidplanConstraintProvider.BUFFER, Text.RULE_BUFFER),
            Map.entry(TidplanConstraintProvider.BASELINE, Text.RULE_BASELINE),
            Map.entry(TidplanConstraintProvider.MEETING_TIME, Text.RULE_MEETING_TIME),
            Map.entry(TidplanConstraintProvider.ATTENDEES_BODY_SITS, Text.RULE_ATTENDEES_BODY_SITS),
            Map.entry(TidplanConstraintProvider.CONFIRMED_SITTING, Text.RULE_CONFIRMED_SITTING),
            Map.entry(TidplanConstraintProvider.BOOKED_MEETING, Text.RULE_BOOKED_MEETING));

    private final Locale locale;
    private final Map<String, String> patterns;

    private Words(Locale locale) {
        this.locale = locale;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> all = new TreeMap<>();
        bundle.keySet().forEach(key -> all.put(key, bundle.getString(key)));
        this.patterns = Collections.unmodifiableMap(all);
    }

    /** Swedish words. */
    public static Words swedish() {
        return SWEDISH;
    }

    /**
     * The words the planners' pages and the workspace's answers are in: Swedish. A page in another language would
     * choose another bundle here (or by the request), and nothing else would change.
     */
    public static Words planners() {
        return SWEDISH;
    }

    public Locale locale() {
        return locale;
    }

    /** Every sentence of the bundle by its key, as patterns: what the page's scripts say their own texts from. */
    public Map<String, String> patterns() {
        return patterns;
    }

    public String say(Text text, Object... arguments) {
        return say(Phrase.of(text, arguments));
    }

    public String say(Phrase phrase) {
        String pattern = patterns.get(phrase.text().key());
        if (pattern == null) {
            throw new IllegalStateException("the bundle " + BUNDLE + " for " + locale + " has no " + phrase.text().key());
        }
        Object[] arguments = phrase.arguments().stream().map(this::argument).toArray();
        return new MessageFormat(pattern, locale).format(arguments);
    }

    /**
     * A phrase is said first, a list of them one after the other ("; " between); a date or a name as it is; a number
     * as numbers are written in the language.
     */
    private Object argument(Object argument) {
        if (argument == null) {
            return "…";
        }
        if (argument instanceof Phrase phrase) {
            return say(phrase);
        }
        if (argument instanceof List<?> list) {
            return list.stream().map(this::argument).map(String::valueOf).collect(Collectors.joining("; "));
        }
        return argument instanceof Number ? argument : argument.toString();
    }

    /** The phrase of a rule's name, by its constraint name. */
    public static Phrase rule(String constraintName) {
        Text text = RULES.get(constraintName);
        if (text == null) {
            throw new IllegalArgumentException("no words for the rule '" + constraintName + "'");
        }
        return Phrase.of(text);
    }

    /** Every rule's name, by its constraint name. */
    public Map<String, String> rules() {
        Map<String, String> names = new TreeMap<>();
        RULES.keySet().forEach(constraint -> names.put(constraint, say(rule(constraint))));
        return names;
    }

    /** A process's name. */
    public String process(ProcessArea process) {
        return say(Text.valueOf("PROCESS_" + process.name()));
    }

    /** Every process's name by its code, in the processes' order. */
    public Map<String, String> processes() {
        Map<String, String> names = new LinkedHashMap<>();
        for (ProcessArea process : ProcessArea.values()) {
            names.put(process.name(), process(process));
        }
        return names;
    }

    /**
     * Why a day is off: the working calendar names weekends in English ("Saturday"), said in words, and holidays by
     * their Swedish names, which stay as they are.
     */
    public static Phrase dayOff(String reason) {
        return switch (reason) {
            case "Saturday" -> Phrase.of(Text.DAY_OFF_SATURDAY);
            case "Sunday" -> Phrase.of(Text.DAY_OFF_SUNDAY);
            default -> Phrase.of(Text.VERBATIM, reason);
        };
    }

    /** Where a sitting day comes from, in words (sittings.csv writes it in English: "to confirm"). */
    public static Phrase source(SittingSource source) {
        return Phrase.of(Text.valueOf("SOURCE_" + source.name()));
    }

    /** "3 arbetsdagar", "1 kalenderdag". */
    public static Phrase days(LagUnit unit, int days) {
        return Phrase.of(unit == LagUnit.WORKING_DAYS ? Text.COUNT_WORKING_DAYS : Text.COUNT_CALENDAR_DAYS, days);
    }

    /** A score in words: "0 brutna regler, 4 530 straffpoäng", or how much the hard rules are broken by. */
    public static Phrase score(HardSoftLongScore score) {
        return score.hardScore() == 0 ? Phrase.of(Text.SCORE_KEPT, -score.softScore())
                : Phrase.of(Text.SCORE_BROKEN, -score.hardScore(), -score.softScore());
    }

    /** A score as the store and the API write it ({@code 0hard/-4530soft}), in words. */
    public static Phrase score(String score) {
        return score(HardSoftLongScore.parseScore(score));
    }
}
