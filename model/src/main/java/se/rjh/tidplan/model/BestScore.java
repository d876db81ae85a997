package se.rjh.tidplan.model;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/** A new best calendar was found during a solve: when (milliseconds since it started), and its score. */
public record BestScore(long millisSpent, HardSoftLongScore score) {
}
