package se.rjh.tidplan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.data.transform.RollForward;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.SittingSource;
import se.rjh.tidplan.planning.Planner;

/** {@code tidplan rollforward}: next year's dataset from this year's. */
@Command(name = "rollforward", mixinStandardHelpOptions = true,
        description = {"Make next year's dataset from this year's: the same activities and chains, År i fokus and "
                + "the years in names advanced, dates moved a year to the same weekday, legal deadlines a year on, "
                + "the new year's Swedish holidays applied. What the dataset already plans in the months both years "
                + "cover is kept, each sitting day with its Source; the later sitting days come from --sittings (Source "
                + "'protocol'), or are rolled ('to confirm' on the same weekday, 'assumed' where that is a day off)."},
        footer = {"", "Example:", "  java -jar app/target/tidplan.jar rollforward --data data/rjh-2021 --year 2022 --out rjh-2022",
                "", "Exit status: 0 dataset written; 2 bad input or the directory exists; 70 an internal error (a bug: please report it)."})
public final class RollForwardCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatasetOption data;

    @Option(names = "--year", paramLabel = "YYYY", required = true, description = "The year to plan.")
    private int year;

    @Option(names = "--sittings", paramLabel = "FILE", description = "The new year's sitting days (CSV: Body, Date).")
    private Path sittings;

    @Mixin
    private DatasetOutputOptions output;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        Dataset dataset = data.load(spec.commandLine().getErr());
        int lastYear = dataset.schedule().getHorizonEnd().getYear();
        if (year <= lastYear) {
            throw new InputException("--year", 0, null, year + " is not after the dataset's last year " + lastYear);
        }
        RollForward.Result result = Planner.rollForward(dataset, year, sittings);
        Path out = output.write(result.settings(), result.schedule());
        stdout.printf("Wrote %s: %s, %s to %s, %d activities, %d dependencies, %d sitting days (%s).%n", out,
                result.settings().name(), result.settings().horizon().start(), result.settings().horizon().end(),
                result.schedule().getActivities().size(), result.schedule().getDependencies().size(),
                result.schedule().getBodies().stream().mapToInt(b -> b.getSittings().size()).sum(),
                bySource(result.schedule()));
        if (!result.kept().isEmpty()) {
            stdout.println("Kept from " + dataset.schedule().getName() + ":");
            result.kept().forEach(line -> stdout.println("  " + line));
        }
        if (!result.notes().isEmpty()) {
            stdout.println("To confirm:");
            result.notes().forEach(note -> stdout.println("  " + note));
        }
        stdout.flush();
        return 0;
    }

    /** How many sitting days come from each source: "55 Tidplan, 2 protocol, 253 assumed, ...". */
    private static String bySource(Schedule schedule) {
        Map<SittingSource, Integer> counts = new EnumMap<>(SittingSource.class);
        for (Body body : schedule.getBodies()) {
            body.getSittings().forEach(day -> body.getSitting(day).source().ifPresent(s -> counts.merge(s, 1, Integer::sum)));
        }
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
    }
}
