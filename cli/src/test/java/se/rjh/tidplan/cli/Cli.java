package se.rjh.tidplan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine;

/** Runs tidplan's command line in-process for a test, and copies datasets for tests to break. */
final class Cli {

    record Run(int exit, String out, String err) {
    }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TidplanCommand.commandLine(args);
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

    private static Path solvedRegion;

    /**
     * The region's calendar as {@code solve} writes it by default, solved once for all the tests of a run that
     * start from it (re-plans, advice, sweeps): the tests only read it.
     */
    static synchronized Path solvedRegion() throws IOException {
        if (solvedRegion == null) {
            Path dir = Files.createTempDirectory("tidplan-solved");
            Path calendar = dir.resolve("tidplan.csv");
            Run run = run("solve", "--quiet", "--out", calendar.toString());
            if (run.exit() != 0) {
                throw new IllegalStateException("the region's calendar did not solve: " + run.out() + run.err());
            }
            calendar.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            solvedRegion = calendar;
        }
        return solvedRegion;
    }

    static Path copyDataset(Path dir) throws IOException {
        return copyDataset(EndToEndSolveTest.DATASET, dir);
    }
}
