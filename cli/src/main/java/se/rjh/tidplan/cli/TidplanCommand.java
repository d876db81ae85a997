package se.rjh.tidplan.cli;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import se.rjh.tidplan.data.InputException;
import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.StopSignal;

/** The {@code tidplan} command line; each job is a subcommand. */
@Command(name = "tidplan", mixinStandardHelpOptions = true, version = "tidplan 0.1.0",
        description = "Plans a Swedish region's planning-and-budget calendar (årshjul) with Timefold Solver.")
public final class TidplanCommand implements Runnable {

    /** The subcommands of this module, in the order the help lists them; those of other modules follow. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(SolveCommand.class, ReplanCommand.class,
            CompareCommand.class, RollForwardCommand.class, ImportCommand.class, ExplainCommand.class,
            ValidateCommand.class, GenerateCommand.class, SweepCommand.class, CommandLine.HelpCommand.class);

    /** Exit status: the calendar breaks a hard rule. */
    public static final int EXIT_INFEASIBLE = 1;
    /** Exit status: the input could not be read. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit status: a bug in tidplan. */
    public static final int EXIT_INTERNAL = 70;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    private static Long wholeNumber(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number");
        }
    }

    public static void main(String[] args) {
        // A signal before a command has its own stop (while the dataset is read, say) ends the process at once;
        // it says so, and that nothing was written.
        AtomicBoolean finished = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished.get() && !StopSignal.anyListening()) {
                System.err.println("tidplan: interrupted before anything was written");
            }
        }, "tidplan-early-stop"));
        int exit;
        try {
            exit = commandLine(args).execute(args);
        } catch (Error e) {
            // An error picocli does not hand to the handler below (a class missing from the jar, say): still a bug.
            System.err.println("tidplan: internal error: " + e);
            exit = EXIT_INTERNAL;
        }
        finished.set(true);
        System.exit(exit);
    }

    /** Wide enough that no help line, above all no example, is broken in the middle: they must copy and paste. */
    private static final int HELP_WIDTH = 200;

    /**
     * The command line for these arguments (none: every subcommand). picocli reads the annotations of every command it is given before it
     * parses a word (0.2 s of a cold start for all of them), so when the first argument names a subcommand only
     * that one is built; anything else (nothing, {@code help}, a misspelt name) gets them all.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new TidplanCommand());
        List<ServiceLoader.Provider<Subcommand>> others = ServiceLoader.load(Subcommand.class).stream().toList();
        String first = args.length == 0 ? "" : args[0];
        Optional<Class<?>> named = Stream.concat(SUBCOMMANDS.stream(), others.stream().map(ServiceLoader.Provider::type))
                .filter(type -> type != CommandLine.HelpCommand.class && first.equals(type.getAnnotation(Command.class).name()))
                .findFirst();
        if (named.isPresent()) {
            commandLine.addSubcommand(named.get());
        } else {
            SUBCOMMANDS.forEach(commandLine::addSubcommand);
            others.forEach(other -> commandLine.addSubcommand(other.type()));
        }
        commandLine.setUsageHelpWidth(HELP_WIDTH);
        // Bad values in plain words, not Java's type names.
        commandLine.registerConverter(LocalDate.class, text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a date; write yyyy-MM-dd, e.g. 2021-05-01");
            }
        });
        commandLine.registerConverter(Integer.class, text -> wholeNumber(text).intValue());
        commandLine.registerConverter(Integer.TYPE, text -> wholeNumber(text).intValue());
        commandLine.registerConverter(Long.class, TidplanCommand::wholeNumber);
        commandLine.registerConverter(Long.TYPE, TidplanCommand::wholeNumber);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof InputException problems) {
                problems.lines().forEach(line -> cmd.getErr().println("tidplan: " + line));
                return EXIT_BAD_INPUT;
            }
            if (e instanceof Replanner.InvalidChange invalid) {
                cmd.getErr().println("tidplan: " + ChangeOptions.option(invalid.change()) + ": " + invalid.getMessage());
                return EXIT_BAD_INPUT;
            }
            if (e instanceof UncheckedIOException) {
                cmd.getErr().println("tidplan: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            // A bug, not bad input: say so, and keep the trace for the report.
            cmd.getErr().println("tidplan: internal error: " + e);
            if (System.getenv("TIDPLAN_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("(set TIDPLAN_DEBUG=1 to see where)");
            }
            return EXIT_INTERNAL;
        });
        return commandLine;
    }
}
