package se.rjh.tidplan.solver;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine;
import se.rjh.tidplan.cli.TidplanCommand;

/** Runs tidplan's command line in-process for a test, and copies datasets for tests to break. */
final class Cli {

    record Run(int exit, String out, String err) {
    }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TidplanCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A copy of a dataset directory (by default the region's) in {@code dir}, for a test to edit. */
    static Path copyDataset(Path source, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    static Path copyDataset(Path dir) throws IOException {
        return copyDataset(EndToEndSolveTest.DATASET, dir);
    }
}
