package se.rjh.tidplan.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

import se.rjh.tidplan.planning.Replanner;
import se.rjh.tidplan.planning.Rules;

/** What the year view marks on a solved or re-planned calendar: the hard rules broken, and what moved. */
public final class YearViewMarks {

    private YearViewMarks() {
    }

    /** Each activity a broken hard rule is about, with the rules' Swedish names; each moved activity's old date. */
    public static YearViewPage.Marks of(ScoreAnalysis<HardSoftLongScore> analysis, List<Replanner.Moved> moves) {
        Map<String, List<String>> broken = new TreeMap<>();
        for (ConstraintAnalysis<HardSoftLongScore> constraint : Rules.inOrder(analysis)) {
            if (constraint.score().hardScore() >= 0 || constraint.matches() == null) {
                continue;
            }
            String rule = Labels.rule(constraint.constraintName());
            for (MatchAnalysis<HardSoftLongScore> match : constraint.matches()) {
                for (String id : Rules.finding(match).activityIds()) {
                    List<String> rules = broken.computeIfAbsent(id, k -> new ArrayList<>());
                    if (!rules.contains(rule)) {
                        rules.add(rule);
                    }
                }
            }
        }
        Map<String, LocalDate> movedFrom = new TreeMap<>();
        moves.stream().filter(move -> move.oldDate() != null && !move.oldDate().equals(move.newDate()))
                .forEach(move -> movedFrom.put(move.id(), move.oldDate()));
        return new YearViewPage.Marks(broken, movedFrom);
    }
}
