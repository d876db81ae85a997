package se.rjh.tidplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.stream.Collectors;

import picocli.CommandLine.Option;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.planning.Planner;

/** The {@code --data DIR} option every command that applies a dataset's rules shares. */
public final class DatasetOption {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Dataset directory (default: the embedded region's 2021 calendar, data/rjh-2021).")
    private Path data;

    /** The dataset directory given, or null for the embedded one. */
    Path directory() {
        return data;
    }

    /** Loads the dataset again, without telling its warnings a second time. */
    public Dataset loadQuietly() {
        return Planner.load(data);
    }

    /** Loads the dataset and tells the user its warnings. */
    public Dataset load(PrintWriter err) {
        return load(data, err, false);
    }

    /** Loads the dataset and tells the user its warnings and what to review once (for {@code validate}). */
    public Dataset loadAndReview(PrintWriter err) {
        return load(data, err, true);
    }

    /** Loads the dataset in {@code directory} (null: the embedded one) and tells the user its warnings. */
    static Dataset load(Path directory, PrintWriter err) {
        return load(directory, err, false);
    }

    private static Dataset load(Path directory, PrintWriter err, boolean review) {
        Dataset dataset = Planner.load(directory);
        dataset.warnings().forEach(warning -> err.println("warning: " + warning));
        if (review) {
            dataset.reviews().forEach(finding -> err.println("review: " + finding));
        }
        Planner.Validation validation = Planner.validate(dataset);
        validation.unmeetable().forEach(finding -> err.println("warning: cannot be met: " + finding));
        if (!validation.unbound().isEmpty()) {
            err.printf("warning: %d of %d activities carry no rule beyond the working day (no order, sitting, window, pin "
                    + "or shared person), only the soft rules place them: %s%n",
                    validation.unbound().size(), dataset.schedule().getActivities().size(),
                    validation.unbound().stream().map(Activity::getId).collect(Collectors.joining(", ")));
        }
        err.flush();
        return dataset;
    }
}
