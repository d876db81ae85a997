package se.rjh.tidplan.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.planning.Planner;

/** {@code tidplan validate}: every problem of a dataset at once, before solving. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a dataset and report every problem at once, each as file:line: field: what is wrong; "
                + "then what no calendar can meet (a window its chain cannot reach, a body with no sitting in reach), "
                + "and the sitting days still to confirm (assumed, or added to confirm)."},
        footer = {"", "Example:", "  java -jar app/target/tidplan.jar validate --data my-2021",
                "", "Exit status: 0 ready to solve; 1 valid, but no calendar can meet every rule; 2 broken files; 70 an internal error (a bug: please report it)."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatasetOption data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Dataset dataset = data.loadAndReview(spec.commandLine().getErr());
        Planner.Validation validation = Planner.validate(dataset);
        List<String> unmeetable = validation.unmeetable();
        out.printf("%s: %d activities, %d dependencies, %d bodies with %d sitting days: %s%n", dataset.schedule().getName(),
                dataset.schedule().getActivities().size(), dataset.schedule().getDependencies().size(),
                dataset.schedule().getBodies().size(),
                dataset.schedule().getBodies().stream().mapToInt(b -> b.getSittings().size()).sum(),
                unmeetable.isEmpty() ? "ready to solve" : unmeetable.size() + " rules cannot be met");
        if (!validation.toConfirm().isEmpty()) {
            out.println("To confirm (sitting days whose Source in sittings.csv is assumed, to confirm or added):");
            validation.toConfirm().forEach(line -> out.println("  " + line));
        }
        out.flush();
        return unmeetable.isEmpty() ? 0 : TidplanCommand.EXIT_INFEASIBLE;
    }
}
