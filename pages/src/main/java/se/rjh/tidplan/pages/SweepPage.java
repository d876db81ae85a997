package se.rjh.tidplan.pages;

import java.util.List;

import se.rjh.tidplan.planning.Rules;
import se.rjh.tidplan.planning.Sweep;

/** A sweep as one HTML page in Swedish: a bar per what-if (how many activities move, coloured by the verdict) and the table. */
public final class SweepPage {

    private static final int BAR = 14;
    private static final int HEIGHT = 160;

    private SweepPage() {
    }

    public static String render(List<Sweep.Outcome> outcomes) {
        int most = Math.max(1, outcomes.stream().mapToInt(Sweep.Outcome::moved).max().orElse(1));
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>tidplan: svep</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #bbb;")
                .append("padding:.2em .5em;text-align:left}th{background:#eee}.num{text-align:right}text{font-size:10px}")
                .append(".key{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px}</style></head><body>\n")
                .append("<h1>Svep: ").append(outcomes.size()).append(" tänkta ändringar</h1>\n<p>Stapeln visar hur många ")
                .append("aktiviteter som flyttas. <span class=\"key\" style=\"background:#2e8b57\"></span>alla regler hålls")
                .append("<span class=\"key\" style=\"background:#b8333a\"></span>en hård regel bryts")
                .append("<span class=\"key\" style=\"background:#999\"></span>ändringen går inte att göra</p>\n");
        int width = 40 + outcomes.size() * BAR;
        html.append("<svg width=\"").append(width).append("\" height=\"").append(HEIGHT + 40).append("\" role=\"img\">")
                .append("<line x1=\"30\" y1=\"").append(HEIGHT).append("\" x2=\"").append(width).append("\" y2=\"").append(HEIGHT)
                .append("\" stroke=\"#888\"/><text x=\"26\" y=\"").append(HEIGHT).append("\" text-anchor=\"end\">0</text>")
                .append("<text x=\"26\" y=\"14\" text-anchor=\"end\">").append(most).append("</text>");
        for (int i = 0; i < outcomes.size(); i++) {
            Sweep.Outcome o = outcomes.get(i);
            int height = o.moved() * (HEIGHT - 10) / most;
            String colour = switch (o.verdict()) {
                case "yes" -> "#2e8b57";
                case "no" -> "#b8333a";
                default -> "#999";
            };
            int x = 34 + i * BAR;
            html.append("<rect x=\"").append(x).append("\" y=\"").append(HEIGHT - Math.max(height, 2)).append("\" width=\"")
                    .append(BAR - 3).append("\" height=\"").append(Math.max(height, 2)).append("\" fill=\"").append(colour)
                    .append("\"><title>").append(Html.escape(o.whatIf() + ": " + o.moved() + " flyttas, " + o.score()))
                    .append("</title></rect><text x=\"").append(x + BAR / 2).append("\" y=\"").append(HEIGHT + 14)
                    .append("\" text-anchor=\"middle\">").append(o.index()).append("</text>");
        }
        html.append("</svg>\n<table><tr><th>Nr</th><th>Ändring</th><th>Alla regler hålls</th><th>Flyttas</th><th>Poäng</th>")
                .append("<th>Kostar mest</th></tr>\n");
        for (Sweep.Outcome o : outcomes) {
            html.append("<tr><td class=\"num\">").append(o.index()).append("</td><td>").append(Html.escape(o.whatIf()))
                    .append("</td><td>").append(switch (o.verdict()) {
                        case "yes" -> "ja";
                        case "no" -> "nej";
                        default -> "går inte";
                    }).append("</td><td class=\"num\">").append(o.moved()).append("</td><td class=\"num\">")
                    .append(Html.escape(o.score())).append("</td><td>").append(Html.escape(swedish(o))).append("</td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    private static String swedish(Sweep.Outcome o) {
        if (o.verdict().equals("invalid") || o.dominant().isEmpty()) {
            return o.dominant();
        }
        return Rules.swedish(o.dominant());
    }
}
