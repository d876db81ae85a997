package se.rjh.tidplan.workspace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.rjh.tidplan.data.Dataset;
import se.rjh.tidplan.data.read.CalendarFile;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.planning.Advisor;
import se.rjh.tidplan.planning.Planner;
import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.StopSignal;
import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.planning.words.Words;
import se.rjh.tidplan.workspace.store.ScenarioStore;
import se.rjh.tidplan.workspace.store.ScenarioStore.State;
import se.rjh.tidplan.workspace.store.VersionEvent;

/**
 * Re-plans after a change (as {@code replan}) and the advice that would do less damage, each computed at once on
 * one of the server's {@link Cores} and checked against the version the planner saw.
 */
public final class Replans {

    /**
     * Changes to re-plan, based on a version of the scenario, the past before {@code today} frozen (if null, the
     * scenario's own today; if that is not set either, nothing); with {@code advise}, the fixes that would do better
     * are looked for when the change does damage. Only what the changes force moves, unless {@code improve} asks to
     * improve the rest too.
     */
    public record ReplanRequest(int version, LocalDate today, List<Replanner.Change> changes, boolean advise,
            boolean improve) {
    }

    /**
     * What a re-plan did: the new version, its score, every moved activity, why, and whether the change forced it,
     * what it could not meet (each broken rule in the planners' words), and the advice asked for.
     */
    public record Replanned(Scenarios.Summary scenario, List<MoveView> moves, List<String> blockers,
            List<AdviceView> advice) {
    }

    /** A moved activity as the re-plan gives it, and why in the planners' words ({@code said}). */
    public record MoveView(@JsonUnwrapped Replanner.Moved move, String said) {

        static MoveView of(Replanner.Moved move) {
            return new MoveView(move, WORDS.say(move.why().phrase()));
        }
    }

    /**
     * A fix: the changes it adds and those of the request it takes back ({@code without}), in the planners' words
     * ({@code said}), and what it gives. The changes a planner applies are the request's, less {@code without}, plus
     * {@code add}.
     */
    public record AdviceView(List<Replanner.Change> add, List<Replanner.Change> without, String said, int moved,
            int movedWithout, String score) {

        static AdviceView of(Advisor.Advice advice) {
            List<Phrase> words = new ArrayList<>();
            advice.fix().added().forEach(change -> words.add(change.phrase()));
            advice.fix().dropped().forEach(change -> words.add(Phrase.of(Text.CHANGE_TAKEN_BACK, change.phrase())));
            return new AdviceView(advice.fix().added(), advice.fix().dropped(), WORDS.say(Text.VERBATIM, words),
                    advice.moved(), advice.movedWithout(), advice.score().toString());
        }
    }

    /** The planners' words, which the page is written in. */
    private static final Words WORDS = Words.planners();

    /** More changes than a planner makes at once: refused before any work, since the search grows with them. */
    static final int MOST_CHANGES = 100;
    /** How many fixes a re-plan with advice shows. */
    private static final int ADVICE_SHOWN = 5;

    private final Versions versions;
    private final Scenarios scenarios;
    private final Cores cores;

    Replans(Versions versions, Scenarios scenarios, Cores cores) {
        this.versions = versions;
        this.scenarios = scenarios;
        this.cores = cores;
    }

    /**
     * Re-plans the scenario after the changes: each moved activity listed with why; the calendar and the dataset
     * with the changes applied are saved as one new version, so the next re-plan builds on this one.
     */
    public Replanned replan(long id, ReplanRequest request, String by) {
        return cores.now(() -> replanNow(id, request, by));
    }

    private Replanned replanNow(long id, ReplanRequest request, String by) {
        ScenarioStore.Scenario scenario = versions.existing(id);
        if (request.version() != scenario.version()) {
            throw new ScenarioStore.Conflict(id, request.version(), scenario.version());
        }
        State state = versions.store().state(id, scenario.version()).orElseThrow();
        Attempt attempt = attempt(id, state, request, today(request, scenario));
        Replanner.Result result = attempt.result();
        List<AdviceView> advice = request.advise() && result.didDamage() ? advice(attempt) : List.of();
        Map<String, String> changed = DatasetFiles.changed(state.dataset(), attempt.changes(), attempt.today());
        String csv = CalendarCsvWriter.text(result.solved().schedule());
        // The calendar's score under the dataset with the changes, as explain and compare give it.
        String score = result.score().toString();
        versions.store().save(id, scenario.version(), new State(changed, csv, score),
                new VersionEvent.Replanned(attempt.today(), attempt.changes(), result.moves().size()), by);
        List<String> blockers = result.blockers().stream()
                .map(b -> WORDS.say(Text.RULE_SAYS, Words.rule(b.constraint()), b.finding().phrase())).toList();
        return new Replanned(scenarios.get(id), result.moves().stream().map(MoveView::of).toList(), blockers, advice);
    }

    /**
     * The advice for a change made to {@code request.version()} (usually the version before the re-plan that did
     * the damage), without saving anything: the page asks for it after a drag or a sitting change moved activities.
     */
    public List<AdviceView> advise(long id, ReplanRequest request) {
        return cores.now(() -> advice(attempt(id, versions.state(id, request.version()), request,
                today(request, versions.existing(id)))));
    }

    private static LocalDate today(ReplanRequest request, ScenarioStore.Scenario scenario) {
        return request.today() != null ? request.today() : scenario.today();
    }

    /** A request's changes re-planned on one version of a scenario: where a re-plan and its advice both start. */
    private record Attempt(long id, State state, List<Replanner.Change> changes, LocalDate today, Planner.Search search,
            CalendarFile.Content before, Replanner.Result result) {
    }

    /**
     * Re-plans the request's changes on {@code state} on one core, the past before {@code today} (or nothing, if
     * null) frozen, improving the rest if it asks.
     */
    private static Attempt attempt(long id, State state, ReplanRequest request, LocalDate today) {
        List<Replanner.Change> changes = changes(request);
        Dataset dataset = Versions.dataset(id, state);
        LocalDate from = today != null ? today : dataset.schedule().getHorizonStart();
        if (from.isAfter(dataset.schedule().getHorizonEnd())) {
            throw new WorkspaceError.BadRequest(Text.ERROR_TODAY_AFTER_HORIZON, from, dataset.schedule().getHorizonEnd());
        }
        Planner.Search search = Planner.Search.of(dataset, Planner.REPLAN_SHARE).onCores(1);
        CalendarFile.Content before = Versions.calendar(id, state.calendar());
        Replanner.Result result = Planner.replan(() -> Versions.dataset(id, state), before, from, changes,
                request.improve(), search, best -> { }, StopSignal.none());
        return new Attempt(id, state, changes, from, search, before, result);
    }

    /** The fixes that would do better than the attempt, best first. */
    private static List<AdviceView> advice(Attempt attempt) {
        return Planner.advise(() -> Versions.dataset(attempt.id(), attempt.state()), attempt.before(), attempt.today(),
                attempt.changes(), attempt.result(), attempt.search(), ADVICE_SHOWN).stream().map(AdviceView::of).toList();
    }

    private static List<Replanner.Change> changes(ReplanRequest request) {
        List<Replanner.Change> changes = request.changes();
        if (changes == null || changes.isEmpty()) {
            throw new WorkspaceError.BadRequest(Text.ERROR_NO_CHANGE, "{\"type\":\"pin\",\"id\":\"BD22-KOMM\",\"date\":\"2021-01-20\"}");
        }
        if (changes.stream().anyMatch(Objects::isNull)) {
            throw new WorkspaceError.BadRequest(Text.ERROR_EMPTY_CHANGE);
        }
        if (changes.size() > MOST_CHANGES) {
            throw new WorkspaceError.BadRequest(Text.ERROR_TOO_MANY_CHANGES, MOST_CHANGES);
        }
        return changes;
    }
}
