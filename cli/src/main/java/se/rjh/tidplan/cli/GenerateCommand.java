package se.rjh.tidplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.rjh.tidplan.data.transform.GeneratedDataset;
import se.rjh.tidplan.planning.Planner;

/** {@code tidplan generate}: a larger instance of the region's shape, for benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a generated dataset: the region's calendar for SCALE organisations, each with its own "
                + "bodies, sittings and directors; feasible by construction; the same seed gives the same dataset. "
                + "With --coupled the organisations share RF, the PoU unit and the regional director of the budget "
                + "dialogues, so the instance does not split into independent parts (and is not feasible by construction)."},
        footer = {"", "Example:", "  java -jar app/target/tidplan.jar generate --scale 10 --seed 1 --out gen-10x",
                "", "Exit status: 0 written; 2 the directory exists; 70 an internal error (a bug: please report it)."})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Measured: 100 organisations solve within -Xmx2g; ten times that is as far as a machine of 24 GB goes. */
    private static final int MAX_SCALE = 1000;

    @Option(names = "--scale", paramLabel = "N", required = true, description = "Organisations (1 = the region itself).")
    private int scale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--coupled", description = "Organisations that share RF, the central PoU unit and the regional director.")
    private boolean coupled;

    @Mixin
    private DatasetOutputOptions output;

    @Override
    public Integer call() {
        if (scale < 1 || scale > MAX_SCALE) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scale must be from 1 to " + MAX_SCALE
                    + " (" + MAX_SCALE + " organisations are about 117,000 activities and need some 20 GB of memory to solve)");
        }
        GeneratedDataset.Result result = Planner.generate(scale, seed, coupled);
        Path out = output.write(result.dataset().settings(), result.dataset().schedule());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("Wrote %s: %d activities, %d dependencies, %d bodies.%n", out,
                result.dataset().schedule().getActivities().size(), result.dataset().schedule().getDependencies().size(),
                result.dataset().schedule().getBodies().size());
        stdout.flush();
        return 0;
    }
}
