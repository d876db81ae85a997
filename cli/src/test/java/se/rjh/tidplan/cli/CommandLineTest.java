package se.rjh.tidplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The command line built for the subcommand asked for is the same as that subcommand in the whole. */
class CommandLineTest {

    @Test
    void aSubcommandAloneIsBuiltAsInTheWhole() {
        Map<String, CommandLine> all = TidplanCommand.commandLine().getSubcommands();
        assertTrue(all.keySet().containsAll(List.of("solve", "replan", "compare", "rollforward", "import", "explain",
                "validate", "generate", "sweep", "help")), all.keySet().toString());
        for (String name : all.keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Map<String, CommandLine> alone = TidplanCommand.commandLine(name, "--help").getSubcommands();
            assertEquals(Set.of(name), alone.keySet());
            assertEquals(all.get(name).getUsageMessage(), alone.get(name).getUsageMessage(), name);
        }
    }

    @Test
    void helpAMisspeltNameOrNothingGetsEverySubcommand() {
        Set<String> all = TidplanCommand.commandLine().getSubcommands().keySet();
        for (String[] args : List.of(new String[] {"help", "solve"}, new String[] {"slove"}, new String[] {"--version"},
                new String[0])) {
            assertEquals(all, TidplanCommand.commandLine(args).getSubcommands().keySet(), String.join(" ", args));
        }
        Cli.Run misspelt = Cli.run("slove");
        assertEquals(2, misspelt.exit());
        assertTrue(misspelt.err().contains("Did you mean: tidplan solve"), misspelt.err());
    }
}
