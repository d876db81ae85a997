package se.rjh.tidplan.planning.words;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.model.LagUnit;
import se.rjh.tidplan.planning.CalendarExplainer;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.Replanner;

/** The one Swedish bundle: every key the code names is there with its arguments, and it says the server's findings in Swedish. */
class WordsTest {

    private static final Words WORDS = Words.swedish();

    /** Words that only an English sentence of the code has (the findings, reasons and changes of the command line). */
    private static final Pattern ENGLISH = Pattern.compile("\\b(the|is|on|comes|too soon|needs|move it|which|does not|sits?|"
            + "working days?|calendar days?|before its|after its|overlap|hand-made date|minutes from|activities in|week of|"
            + "less buffer|pinned|external event|chain|keeps|no longer|soft goals|its time)\\b");

    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void everyKeyHasASentenceTakingItsArguments() {
        assertAll(Arrays.stream(Text.values()).map(text -> () -> {
            String pattern = WORDS.patterns().get(text.key());
            assertNotNull(pattern, "no sentence for " + text.key());
            assertEquals(text.arguments(), new MessageFormat(pattern).getFormatsByArgumentIndex().length,
                    text.key() + " = " + pattern);
        }));
    }

    @Test
    void everySentenceOfTheServerHasItsKeyAndEveryOneReads() {
        Set<String> keys = Arrays.stream(Text.values()).map(Text::key).collect(Collectors.toSet());
        // The page's own texts (page.*) are checked against the scripts that say them, in the workspace's tests.
        List<String> unused = WORDS.patterns().keySet().stream().filter(k -> !k.startsWith("page.") && !keys.contains(k)).toList();
        assertEquals(List.of(), unused, "sentences no key of Text names");
        // MessageFormat reads an apostrophe as a quote and a brace as an argument: each sentence must parse.
        assertAll(WORDS.patterns().entrySet().stream().map(e -> () -> assertFalse(e.getValue().contains("'"), e.getKey())));
        assertAll(WORDS.patterns().entrySet().stream().map(e -> () -> new MessageFormat(e.getValue(), WORDS.locale())));
    }

    /** A key written twice would be read as its last sentence, silently: each is written once. */
    @Test
    void everyKeyIsWrittenOnce() throws IOException {
        try (InputStream in = Words.class.getResourceAsStream("words_sv.properties")) {
            List<String> keys = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.substring(0, line.indexOf('=')))
                    .toList();
            assertEquals(List.of(), keys.stream().filter(k -> keys.indexOf(k) != keys.lastIndexOf(k)).distinct().toList());
            assertEquals(WORDS.patterns().size(), keys.size());
        }
    }

    @Test
    void aPhraseTakesAsManyArgumentsAsItsSentence() {
        assertThrows(IllegalArgumentException.class, () -> Phrase.of(Text.CHANGE_PIN, "RP22-RF"));
    }

    @Test
    void scoresCountsAndDaysInSwedish() {
        assertEquals("0 brutna regler, 4 530 straffpoäng", plain(WORDS.say(Words.score("0hard/-4530soft"))));
        assertEquals("hårda regler brutna (18 poäng), 4 400 straffpoäng", plain(WORDS.say(Words.score(HardSoftLongScore.of(-18, -4400)))));
        assertEquals("1 arbetsdag", WORDS.say(Words.days(LagUnit.WORKING_DAYS, 1)));
        assertEquals("7 kalenderdagar", WORDS.say(Words.days(LagUnit.CALENDAR_DAYS, 7)));
        assertEquals("1 aktivitet", WORDS.say(Text.COUNT_ACTIVITIES, 1));
        assertEquals("117 aktiviteter", WORDS.say(Text.COUNT_ACTIVITIES, 117));
        assertEquals("lördag", WORDS.say(Words.dayOff("Saturday")));
        assertEquals("Midsommarafton", WORDS.say(Words.dayOff("Midsommarafton")));
        assertEquals("Arbetsdag", WORDS.rules().get("Working day"));
        assertEquals("Intern kontroll", WORDS.processes().get("IK"));
    }

    @Test
    void changesAndReasonsInSwedish() {
        LocalDate from = LocalDate.of(2021, 6, 7);
        LocalDate to = LocalDate.of(2021, 6, 8);
        assertEquals("RS sammanträder 2021-06-08 i stället för 2021-06-07",
                WORDS.say(new Replanner.MoveSitting("RS", from, to).phrase()));
        assertEquals("ändringen: RP22-RF låses till 2021-06-08",
                WORDS.say(new Replanner.MovedByTheChange(new Replanner.Pin("RP22-RF", to)).phrase()));
        assertEquals("Organets sammanträdesdag: RS sammanträder inte längre 2021-06-07",
                WORDS.say(new Replanner.BodyNoLongerSits(List.of("RS"), from).phrase()));
        assertEquals("Arbetsdag: 2021-06-26 är lördag",
                WORDS.say(new Replanner.NotAWorkingDay(LocalDate.of(2021, 6, 26), "Saturday").phrase()));
        assertEquals("Inom tidsfönster och lagens frist: 2021-06-07 ligger utanför … – 2021-05-31",
                WORDS.say(new Replanner.OutsideWindow(from, null, LocalDate.of(2021, 5, 31)).phrase()));
    }

    /** The region's hand-made calendar breaks rules of every kind: each finding is said in Swedish, none in English. */
    @Test
    void everyFindingOfTheHandMadeCalendarInSwedish() {
        Dataset region = Planner.load(null);
        // The dataset's own words (names, notes, the dependencies' reasons) are data, said as they are.
        List<String> data = new ArrayList<>();
        region.schedule().getActivities().forEach(a -> data.addAll(List.of(a.getName(), a.getNote())));
        region.schedule().getDependencies().forEach(d -> data.add(d.getReason()));
        data.removeIf(String::isEmpty);
        data.sort(Comparator.comparingInt(String::length).reversed());
        CalendarExplainer.Explanation explained = Planner.explain(region,
                CalendarFile.read(Path.of("../data/rjh-2021/activities.csv"))).in(WORDS);
        assertTrue(explained.violations().stream().anyMatch(CalendarExplainer.Violation::hard), "hard findings too");
        Set<String> rules = explained.violations().stream().map(CalendarExplainer.Violation::constraint).collect(Collectors.toSet());
        assertTrue(rules.size() >= 4, rules.toString());
        assertAll(explained.violations().stream().map(v -> () -> {
            String words = v.description();
            for (String text : data) {
                words = words.replace(text, "");
            }
            assertFalse(ENGLISH.matcher(words).find(), v.description());
            assertTrue(v.description().contains(" den ") || v.description().contains(" har "), v.description());
        }));
    }
}
