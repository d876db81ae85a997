package se.rjh.tidplan.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.solver.Justifications;
import se.rjh.tidplan.solver.RuleNames;
import se.rjh.tidplan.solver.TidplanSolver;

/**
 * The rules a calendar is held to, as the front ends show them: their names, the order they are listed in, and
 * what each broken rule says. The front ends read the solver's analysis through here, never the solver itself.
 */
public final class Rules {

    private Rules() {
    }

    /** Every rule's Swedish name, by its constraint name. */
    public static Map<String, String> swedishNames() {
        return RuleNames.all();
    }

    /** The Swedish name of a rule, by its constraint name. */
    public static String swedish(String constraintName) {
        return RuleNames.swedish(constraintName);
    }

    /** The rules of an analysis in the order a user is shown them: hard first. */
    public static List<ConstraintAnalysis<HardSoftLongScore>> inOrder(ScoreAnalysis<HardSoftLongScore> analysis) {
        return TidplanSolver.inOrder(analysis);
    }

    /** Whether a rule is hard (a calendar that breaks it cannot be used). */
    public static boolean isHard(ConstraintAnalysis<HardSoftLongScore> constraint) {
        return TidplanSolver.isHard(constraint);
    }

    /** What a broken rule says, in a sentence for a user, and the activities it is about. */
    public record Finding(String description, List<String> activityIds) {

        /**
         * Whether every activity it is about lies before {@code today} in {@code dates} (activity Id to date): a break
         * of the frozen past, which happened and is no one's to re-plan.
         */
        public boolean inThePast(Map<String, LocalDate> dates, LocalDate today) {
            return activityIds.stream().allMatch(id -> dates.get(id).isBefore(today));
        }
    }

    /** The finding of one match of a rule. */
    public static Finding finding(MatchAnalysis<HardSoftLongScore> match) {
        Justifications.Finding finding = (Justifications.Finding) match.justification();
        return new Finding(finding.description(), finding.activityIds());
    }
}
