package se.rjh.tidplan.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchType;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import se.rjh.tidplan.solver.TidplanSolver;

/**
 * The solver configurations compared, all on the same model and constraints, all started from the
 * hand-made calendar made allowed, each ended by time alone. The first is the one {@code solve} uses.
 */
public final class Configurations {

    private Configurations() {
    }

    public static Map<String, SolverConfig> all(Duration limit, long seed) {
        TidplanSolver.Options options = TidplanSolver.Options.of(limit, Long.MAX_VALUE, seed);
        Map<String, SolverConfig> configs = new LinkedHashMap<>();
        configs.put("tidplan (chain repair - tabu to feasible - descent - late acceptance with chain shifts - descent)", TidplanSolver.config(options));
        configs.put("tidplan without the chain repair", withoutChainRepair(TidplanSolver.config(options)));
        configs.put("tidplan without chain shifts", withoutChainShifts(TidplanSolver.config(options)));
        configs.put("Steepest descent only", timed(TidplanSolver.domain(options)
                .withPhases(TidplanSolver.steepestDescent()), limit));
        for (LocalSearchType type : new LocalSearchType[] {LocalSearchType.LATE_ACCEPTANCE, LocalSearchType.TABU_SEARCH,
                LocalSearchType.GREAT_DELUGE}) {
            configs.put(name(type), timed(TidplanSolver.domain(options)
                    .withPhases(new LocalSearchPhaseConfig().withLocalSearchType(type)), limit));
        }
        // Simulated annealing needs a starting temperature: about ten days of moving one activity.
        configs.put("Simulated annealing", timed(TidplanSolver.domain(options).withPhases(new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withSimulatedAnnealingStartingTemperature("0hard/100soft"))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))), limit));
        return configs;
    }

    /** The pipeline left to the tabu search to make the start feasible. */
    static SolverConfig withoutChainRepair(SolverConfig config) {
        List<PhaseConfig> phases = new ArrayList<>(config.getPhaseConfigList());
        phases.removeIf(phase -> phase instanceof CustomPhaseConfig);
        return config.withPhaseList(phases);
    }

    /** The pipeline with Timefold's default moves only, where it uses chain shifts. */
    static SolverConfig withoutChainShifts(SolverConfig config) {
        config.getPhaseConfigList().forEach(phase -> {
            if (phase instanceof LocalSearchPhaseConfig search
                    && search.getMoveSelectorConfig() instanceof UnionMoveSelectorConfig) {
                search.setMoveSelectorConfig(null);
            }
        });
        return config;
    }

    private static SolverConfig timed(SolverConfig config, Duration limit) {
        return config.withTerminationConfig(new TerminationConfig().withSpentLimit(limit));
    }

    private static String name(LocalSearchType type) {
        return switch (type) {
            case LATE_ACCEPTANCE -> "Late acceptance";
            case TABU_SEARCH -> "Tabu search";
            case GREAT_DELUGE -> "Great deluge";
            default -> type.name();
        };
    }
}
