package se.rjh.tidplan.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.placer.QueuedEntityPlacerConfig;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchType;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Meeting;
import se.rjh.tidplan.solver.TidplanSolver;

/**
 * The solver configurations compared, all on the same model and constraints, all started from the
 * hand-made calendar made allowed (one clears it first, to build from scratch), each given the same time; the
 * first, the one {@code solve} uses, and the next two, it without one of its parts, may end earlier, when their
 * search stops improving.
 */
public final class Configurations {

    private Configurations() {
    }

    public static Map<String, SolverConfig> all(Duration limit, long seed) {
        TidplanSolver.Options options = TidplanSolver.Options.of(limit, Long.MAX_VALUE, seed);
        Map<String, SolverConfig> configs = new LinkedHashMap<>();
        configs.put("tidplan (chain repair - tabu to feasible - descent - tabu with chain shifts until done - descent)", TidplanSolver.config(options));
        configs.put("tidplan without the chain repair", withoutChainRepair(TidplanSolver.config(options)));
        configs.put("tidplan without chain shifts", withoutChainShifts(TidplanSolver.config(options)));
        configs.put("Steepest descent only", timed(TidplanSolver.domain(options)
                .withPhases(TidplanSolver.steepestDescent()), limit));
        // Timefold's defaults on the bare model: first fit builds every date, late acceptance improves.
        configs.put("First fit from scratch then late acceptance", timed(TidplanSolver.domain(options).withPhases(
                new CustomPhaseConfig().withCustomPhaseCommands(new ForgetTheStart()),
                firstFit(Meeting.class, "date", "start"), firstFit(Activity.class, "date"), new LocalSearchPhaseConfig()), limit));
        for (LocalSearchType type : new LocalSearchType[] {LocalSearchType.LATE_ACCEPTANCE, LocalSearchType.TABU_SEARCH}) {
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

    /** The pipeline with single changes alone where it uses changes and chain shifts. */
    static SolverConfig withoutChainShifts(SolverConfig config) {
        config.getPhaseConfigList().forEach(phase -> {
            if (phase instanceof LocalSearchPhaseConfig search
                    && search.getMoveSelectorConfig() instanceof UnionMoveSelectorConfig union
                    && union.getMoveSelectorList().stream().anyMatch(MoveIteratorFactoryConfig.class::isInstance)) {
                search.setMoveSelectorConfig(TidplanSolver.changes());
            }
        });
        return config;
    }

    /**
     * Timefold's default construction (first fit) of one entity class and its variables: it cannot choose
     * between two classes itself, and a plain activity has only a date.
     */
    private static ConstructionHeuristicPhaseConfig firstFit(Class<?> entityClass, String... variables) {
        String id = "construct " + entityClass.getSimpleName();
        List<MoveSelectorConfig> changes = new ArrayList<>();
        for (String variable : variables) {
            changes.add(new ChangeMoveSelectorConfig()
                    .withEntitySelectorConfig(EntitySelectorConfig.newMimicSelectorConfig(id))
                    .withValueSelectorConfig(new ValueSelectorConfig(variable)));
        }
        return new ConstructionHeuristicPhaseConfig().withEntityPlacerConfig(new QueuedEntityPlacerConfig()
                .withEntitySelectorConfig(new EntitySelectorConfig(entityClass).withId(id))
                .withMoveSelectorConfigList(changes));
    }

    private static SolverConfig timed(SolverConfig config, Duration limit) {
        return config.withTerminationConfig(new TerminationConfig().withSpentLimit(limit));
    }

    private static String name(LocalSearchType type) {
        return switch (type) {
            case LATE_ACCEPTANCE -> "Late acceptance";
            case TABU_SEARCH -> "Tabu search";
            default -> type.name();
        };
    }
}
