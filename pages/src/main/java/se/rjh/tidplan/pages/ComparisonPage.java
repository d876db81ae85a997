package se.rjh.tidplan.pages;

import java.time.temporal.IsoFields;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import se.rjh.tidplan.planning.CalendarComparison;
import se.rjh.tidplan.planning.CalendarComparison.Comparison;
import se.rjh.tidplan.planning.Rules;

/** The comparison as one HTML page in Swedish with no outside resources: it opens the same offline and printed. */
public final class ComparisonPage {

    private ComparisonPage() {
    }

    public static String render(Comparison c) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>tidplan: ")
                .append(esc(c.fileA())).append(" / ").append(esc(c.fileB())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}")
                .append("td,th{border:1px solid #bbb;padding:.25em .6em;text-align:left}th{background:#eee}")
                .append(".num{text-align:right}.worse{color:#b00}.better{color:#070}</style></head><body>\n");
        html.append("<h1>Jämförelse av två kalendrar</h1>\n<p>A: ").append(esc(c.fileA())).append(", poäng <b>")
                .append(c.scoreA()).append("</b><br>B: ").append(esc(c.fileB())).append(", poäng <b>")
                .append(c.scoreB()).append("</b></p>\n");
        html.append("<h2>Poäng per regel</h2>\n<table><tr><th>Regel</th><th>A</th><th>B</th><th>B &minus; A</th></tr>\n");
        for (CalendarComparison.RuleDifference r : c.rules()) {
            String css = r.difference().equals(HardSoftLongScore.ZERO) ? "" : r.worse() ? " class=\"worse\"" : " class=\"better\"";
            html.append("<tr><td>").append(esc(Rules.swedish(r.constraint()))).append("</td><td class=\"num\">").append(r.scoreA())
                    .append("</td><td class=\"num\">").append(r.scoreB()).append("</td><td class=\"num\"")
                    .append(css.isEmpty() ? "" : css.replace("class=\"", "class=\"num ")).append(">")
                    .append(r.difference()).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>").append(c.moves().size()).append(c.moves().size() == 1 ? " aktivitet flyttad" : " aktiviteter flyttade").append("</h2>\n")
                .append("<table><tr><th>Id</th><th>Aktivitet</th><th>A</th><th>B</th><th>Dagar</th></tr>\n");
        for (CalendarComparison.Move m : c.moves()) {
            html.append("<tr><td>").append(esc(m.id())).append("</td><td>").append(esc(m.name())).append("</td><td>")
                    .append(m.dateA()).append(m.startA() == null ? "" : " " + m.startA()).append("</td><td>")
                    .append(m.dateB()).append(m.startB() == null ? "" : " " + m.startB()).append("</td><td class=\"num\">")
                    .append(String.format("%+d", m.days())).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Arbetsbelastning per enhet och vecka</h2>\n")
                .append("<table><tr><th>Enhet</th><th>Vecka</th><th>A</th><th>B</th></tr>\n");
        for (CalendarComparison.WeekLoadChange w : c.workload()) {
            boolean differs = w.activitiesA() != w.activitiesB();
            html.append("<tr").append(differs ? " style=\"font-weight:bold\"" : "").append("><td>").append(esc(w.unit()))
                    .append("</td><td>v. ").append(w.week().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).append(' ')
                    .append(w.week().get(IsoFields.WEEK_BASED_YEAR)).append(" (").append(w.week()).append(")</td><td class=\"num\">").append(w.activitiesA())
                    .append("</td><td class=\"num\">").append(w.activitiesB()).append("</td></tr>\n");
        }
        html.append("</table>\n</body></html>\n");
        return html.toString();
    }

    private static String esc(String text) {
        return Html.escape(text);
    }
}
