package se.rjh.tidplan.cli;

/**
 * A subcommand from another module (the workspace's {@code serve}), found with {@link java.util.ServiceLoader}
 * so that the command line does not depend on the front ends built over it. Implementations are picocli
 * commands, annotated with {@code @Command}.
 */
public interface Subcommand {
}
