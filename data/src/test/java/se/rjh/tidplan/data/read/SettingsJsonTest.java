package se.rjh.tidplan.data.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.data.Settings;

class SettingsJsonTest {

    private static final String FILE = "settings.json";

    private static String regionSettings() throws IOException {
        try (InputStream in = SettingsJsonTest.class.getResourceAsStream("/datasets/" + Dataset.DEFAULT + "/settings.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheRegionsSettings() throws IOException {
        Settings settings = SettingsJson.read(FILE, regionSettings());
        assertEquals("Region Jämtland Härjedalen, Tidplan 2021", settings.name());
        assertEquals(LocalDate.of(2020, 5, 1), settings.horizon().start());
        assertEquals(LocalDate.of(2021, 12, 31), settings.horizon().end());
        assertEquals(MonthDay.of(12, 23), settings.weakPeriods().get(1).from());
        assertEquals(20L, settings.weights().get("Buffer before the next step"));
        assertEquals(600_000L, settings.solver().moves());
        assertEquals(Settings.Until.DONE, settings.solver().until());
    }

    @Test
    void aSolveEndsWhenDoneUnlessTheSettingsSayUntilStopped() throws IOException {
        String region = regionSettings();
        assertEquals(Settings.Until.STOPPED, SettingsJson.read(FILE, region.replace("\"until\": \"done\"",
                "\"until\": \"stopped\"")).solver().until());
        String before = region.replace(", \"until\": \"done\"", "");
        assertFalse(before.contains("until"), before);
        assertEquals(Settings.Until.DONE, SettingsJson.read(FILE, before).solver().until(),
                "settings.json written before the field existed still reads");
        Settings endless = SettingsJson.read(FILE, region.replace("\"until\": \"done\"", "\"until\": \"stopped\""));
        assertEquals(endless, SettingsJson.read(FILE, SettingsJson.write(endless)));
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws IOException {
        Settings settings = SettingsJson.read(FILE, regionSettings());
        String written = SettingsJson.write(settings);
        assertEquals(settings, SettingsJson.read(FILE, written));
        assertEquals(written, SettingsJson.write(SettingsJson.read(FILE, written)));
    }

    static Stream<Arguments> brokenSettings() {
        return Stream.of(
                Arguments.of("\"start\": \"2020-05-01\"", "\"start\": \"2020-05-32\"",
                        FILE + ":3: horizon.start: '2020-05-32' is not a date like 2021-06-15"),
                Arguments.of("\"end\": \"2021-12-31\"", "\"end\": \"2019-12-31\"",
                        FILE + ":3: horizon: end is before start"),
                Arguments.of("\"end\": \"17:30\"", "\"end\": \"07:30\"",
                        FILE + ":4: officeHours: must give a start before the end, e.g. {\"start\": \"08:00\", \"end\": \"17:00\"}"),
                Arguments.of("\"start\": \"08:00\"", "\"start\": 8",
                        FILE + ":4: officeHours.start: must be text in quotes"),
                Arguments.of("\"timeStepMinutes\": 5", "\"timeStepMinutes\": 90",
                        FILE + ":5: timeStepMinutes: must be a whole number from 1 to 60, not 90"),
                Arguments.of("\"timeStepMinutes\": 5", "\"timeStepMinutes\": 2.5",
                        FILE + ":5: timeStepMinutes: must be a whole number from 1 to 60, not 2.5"),
                Arguments.of("\"timeStepMinutes\": 5", "\"timeStepMinute\": 5",
                        FILE + ":5: timeStepMinute: unknown field; the fields are [name, horizon, officeHours, "
                                + "timeStepMinutes, weakPeriods, weakWeekWeight, weights, solver, namedBuffers, budgetProposalInNovember]"),
                Arguments.of("\"to\": \"07-31\"", "\"to\": \"07-32\"",
                        FILE + ":7: weakPeriods[0].to: '07-32' is not a day of the year like 07-01"),
                Arguments.of("{ \"from\": \"12-23\", \"to\": \"12-31\" }", "\"12-23\"",
                        FILE + ":8: weakPeriods[1]: must be an object { ... }"),
                Arguments.of("\"Buffer before the next step\": 20", "\"Buffer before the next step\": -20",
                        FILE + ":13: weights.Buffer before the next step: must be a whole number, 0 or more, not -20"),
                Arguments.of("\"moves\": 600000", "\"moves\": null",
                        FILE + ":19: solver.moves: missing"),
                Arguments.of("\"moves\": 600000, ", "",
                        FILE + ":19: solver.moves: missing"),
                Arguments.of("\"seed\": 0", "\"seed\": \"zero\"",
                        FILE + ":19: solver.seed: must be a whole number, not zero"),
                Arguments.of("\"weakWeekWeight\": 3,", "\"weakWeekWeight\": 3, \"weakWeekWeight\": 4,",
                        FILE + ":10: invalid settings: 'weakWeekWeight' is given twice"),
                Arguments.of("\"until\": \"done\"", "\"until\": \"forever\"",
                        FILE + ":19: solver.until: 'forever' is neither \"done\" (end when the search stops improving) "
                                + "nor \"stopped\" (search until stopped or the seconds are up)"),
                Arguments.of("\"until\": \"done\"", "\"until\": true",
                        FILE + ":19: solver.until: must be text in quotes"),
                Arguments.of("\"budgetProposalInNovember\": false\n}", "\"budgetProposalInNovember\": false\n}\n[]",
                        FILE + ":23: invalid settings: more after the closing brace"),
                Arguments.of("\"budgetProposalInNovember\": false", "\"budgetProposalInNovember\": \"no\"",
                        FILE + ":21: budgetProposalInNovember: must be true or false"),
                Arguments.of("\"MBL 14 §\": 10", "\"MBL 14 §\": 400",
                        FILE + ":20: namedBuffers.MBL 14 §: must be a whole number from 0 to 365, not 400"),
                Arguments.of("\"name\": \"Region Jämtland Härjedalen, Tidplan 2021\",", "\"name\": \"x\"",
                        FILE + ":3: invalid settings: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries"));
    }

    @ParameterizedTest
    @MethodSource("brokenSettings")
    void aBrokenFieldIsNamedWithItsLine(String from, String to, String expected) throws IOException {
        String region = regionSettings();
        String broken = region.replace(from, to);
        assertEquals(false, broken.equals(region), "the test's text must change the file: " + from);
        InputException e = assertThrows(InputException.class, () -> SettingsJson.read(FILE, broken));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void aDatasetWithoutANameIsNamedAfterItsHorizon() throws IOException {
        String unnamed = regionSettings().replace("\"name\": \"Region Jämtland Härjedalen, Tidplan 2021\",", "");
        assertEquals("Tidplan 2020-05-01 .. 2021-12-31", SettingsJson.read(FILE, unnamed).name());
    }

    @Test
    void anEmptyFileIsRefused() {
        InputException e = assertThrows(InputException.class, () -> SettingsJson.read(FILE, " \n"));
        assertEquals(FILE + ": empty file", e.getMessage());
    }
}
