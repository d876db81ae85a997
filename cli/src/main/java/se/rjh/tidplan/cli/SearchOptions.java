package se.rjh.tidplan.cli;

import java.time.Duration;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.planning.Planner;

/** How long and with which seed to search: shared by every command that solves. */
public final class SearchOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--seconds", paramLabel = "N", description = "Upper bound on solver time (default: settings.json).")
    private Long seconds;

    @Option(names = "--seed", paramLabel = "N",
            description = "Random seed; the same input and seed give the same file (default: settings.json).")
    private Long seed;

    /** The seconds the search may take at most, from the option or the dataset. */
    long seconds(Dataset dataset) {
        long limit = seconds != null ? seconds : dataset.settings().solver().seconds();
        if (limit <= 0) {
            throw new ParameterException(command.commandLine(), "--seconds must be positive, not " + limit);
        }
        return limit;
    }

    /** The solver options for the dataset, with {@code 1/share} of its move budget (see {@link Planner.Search#of}). */
    Planner.Search options(Dataset dataset, int share) {
        Planner.Search settings = Planner.Search.of(dataset, share);
        return new Planner.Search(Duration.ofSeconds(seconds(dataset)), settings.moveLimit(),
                seed != null ? seed : settings.seed(), settings.untilStopped(), settings.cores());
    }
}
