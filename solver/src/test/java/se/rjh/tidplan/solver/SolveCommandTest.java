package se.rjh.tidplan.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.rjh.tidplan.solver.cli.TidplanCommand;

/** What a user sees from {@code tidplan solve} when the input is wrong: one line, exit 2, no calendar. */
class SolveCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TidplanCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Path copyDataset(Path dir) throws IOException {
        try (var files = Files.list(EndToEndSolveTest.DATASET)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void aBrokenDatasetGivesOneLineAndNoCalendar(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        copyDataset(data);
        Path sittings = data.resolve("sittings.csv");
        Files.writeString(sittings, Files.readString(sittings).replace("RS AU,2020-11-17", "RS AU,2020-11-31"));
        Path out = dir.resolve("tidplan.csv");
        Run run = run("solve", "--data", data.toString(), "--out", out.toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, run.exit());
        assertTrue(run.err().matches("tidplan: .*sittings\\.csv:\\d+: Date: '2020-11-31' is not a date.*\\R"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownWeightNameIsRefused(@TempDir Path dir) throws IOException {
        Path data = copyDataset(dir);
        Path settings = data.resolve("settings.json");
        Files.writeString(settings, Files.readString(settings).replace("\"Preferred meeting time\"", "\"Preferred meeting times\""));
        Run run = run("solve", "--data", data.toString(), "--out", dir.resolve("x.csv").toString());
        assertEquals(TidplanCommand.EXIT_BAD_INPUT, run.exit());
        assertTrue(run.err().contains("weights: unknown soft constraint [Preferred meeting times]"), run.err());
    }

    @Test
    void everySubcommandHasHelpWithAnExample() {
        Run run = run("solve", "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("Example:") && run.out().contains("--seed"), run.out());
    }
}
