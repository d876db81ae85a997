package se.rjh.tidplan.pages;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import se.rjh.tidplan.data.write.AtomicFile;
import se.rjh.tidplan.data.write.CalendarCsvWriter;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;

/**
 * The year on one page, for the politicians' wall and the finance staff's screen: a month grid per month of
 * the horizon with ISO week numbers, the bodies' sitting days, holidays and weak weeks, and a numbered chip
 * per activity coloured by its process; under each grid the month's activities in full, wrapped, under the
 * same numbers, so the page reads on paper where there is no pointer to hover with. Activities that break a
 * hard rule are flagged, and after a re-plan the moved ones are marked with the date they left. The chain of
 * a matter lights up when the pointer rests on one of its steps; each unit's weekly workload is a bar chart
 * with axes and a legend. One self-contained HTML file in Swedish (no network when it is viewed), laid out to
 * print on A3 landscape.
 */
public final class YearViewPage {

    /**
     * What to mark on the page: the hard rules each activity breaks (their Swedish names), and for a
     * re-planned calendar the date each moved activity had before.
     */
    public record Marks(Map<String, List<String>> broken, Map<String, LocalDate> movedFrom) {
        public static final Marks NONE = new Marks(Map.of(), Map.of());
    }

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", SWEDISH);
    private static final Map<ProcessArea, String> COLOURS = Map.of(ProcessArea.P, "#2f6db5", ProcessArea.B, "#c9772b",
            ProcessArea.I, "#6a3d9a", ProcessArea.IK, "#b8333a", ProcessArea.U, "#2e8b57");
    private static final String EXTERNAL_COLOUR = "#555";

    private YearViewPage() {
    }

    public static void write(Schedule schedule, Path target) {
        write(schedule, Marks.NONE, target);
    }

    public static void write(Schedule schedule, Marks marks, Path target) {
        String page = render(schedule, marks);
        AtomicFile.write(target, out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
    }

    public static String render(Schedule schedule, Marks marks) {
        WorkingCalendar calendar = schedule.getCalendar();
        List<Activity> ordered = CalendarCsvWriter.inCalendarOrder(schedule);
        Map<String, Integer> numbers = new HashMap<>();
        Map<LocalDate, List<Activity>> byDate = new TreeMap<>();
        for (Activity activity : ordered) {
            numbers.put(activity.getId(), numbers.size() + 1);
            byDate.computeIfAbsent(activity.getDate(), d -> new ArrayList<>()).add(activity);
        }
        Map<LocalDate, List<String>> sittings = new TreeMap<>();
        for (Body body : schedule.getBodies()) {
            body.getSittings().forEach(day -> sittings.computeIfAbsent(day, d -> new ArrayList<>()).add(body.getCode()));
        }
        StringBuilder html = new StringBuilder(128 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(schedule.getName())).append("</title>\n<style>\n").append(STYLE).append("</style></head>\n")
                .append("<body><div id=\"errors\"></div>\n<h1>").append(esc(schedule.getName())).append("</h1>\n");
        summary(html, marks);
        legend(html);
        html.append("<div class=\"months\">\n");
        YearMonth last = YearMonth.from(lastDate(schedule));
        for (YearMonth month = YearMonth.from(firstDate(schedule)); !month.isAfter(last); month = month.plusMonths(1)) {
            html.append("<section class=\"month\">");
            grid(html, month, calendar, byDate, sittings, numbers, marks);
            agenda(html, month, byDate, numbers, marks);
            html.append("</section>\n");
        }
        html.append("</div>\n");
        workload(html, schedule);
        html.append("<script>\n").append(chainData(schedule)).append(SCRIPT).append("</script>\n</body></html>\n");
        return html.toString();
    }

    private static LocalDate firstDate(Schedule schedule) {
        return schedule.getActivities().stream().map(Activity::getDate).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(schedule.getHorizonStart());
    }

    private static LocalDate lastDate(Schedule schedule) {
        return schedule.getActivities().stream().map(Activity::getDate).filter(Objects::nonNull)
                .max(LocalDate::compareTo).orElse(schedule.getHorizonEnd());
    }

    private static void summary(StringBuilder html, Marks marks) {
        if (!marks.broken().isEmpty() || !marks.movedFrom().isEmpty()) {
            html.append("<p class=\"summary\">");
            if (!marks.broken().isEmpty()) {
                html.append("<span class=\"flag\">!</span> ").append(marks.broken().size())
                        .append(marks.broken().size() == 1 ? " aktivitet bryter" : " aktiviteter bryter").append(" mot en regel. ");
            }
            if (!marks.movedFrom().isEmpty()) {
                html.append("<span class=\"moved-key\">&#8644;</span> ").append(marks.movedFrom().size())
                        .append(marks.movedFrom().size() == 1 ? " aktivitet har flyttats" : " aktiviteter har flyttats")
                        .append(" i omplaneringen.");
            }
            html.append("</p>\n");
        }
    }

    private static void legend(StringBuilder html) {
        html.append("<p class=\"legend\">");
        for (ProcessArea process : ProcessArea.values()) {
            html.append("<span class=\"chip\" style=\"background:").append(COLOURS.get(process)).append("\">")
                    .append(process.name()).append("</span> ").append(processName(process)).append(" &nbsp; ");
        }
        html.append("<span class=\"chip\" style=\"background:").append(EXTERNAL_COLOUR)
                .append("\">SKR</span> extern händelse (SKR:s prognos) &nbsp; <span class=\"sit\">RS</span> organets sammanträde"
                + " &nbsp; <span class=\"holiday-key\">röd</span> helgdag &nbsp; <span class=\"weekend-key\">grå</span> helg"
                + " &nbsp; <span class=\"weak-key\">randig</span> svag vecka (semester, jul) &nbsp; <b>v. 23</b> veckonummer"
                + " &nbsp; <span class=\"flag\">!</span> bryter mot en regel &nbsp; <span class=\"moved-key\">&#8644;</span>"
                + " flyttad i omplaneringen &nbsp; &#9998; har kommentar. Numren i rutnätet hänvisar till listan under varje"
                + " månad; peka på en aktivitet för att se dess kedja.</p>\n");
    }

    private static String processName(ProcessArea process) {
        return switch (process) {
            case P -> "Planering";
            case B -> "Budget";
            case I -> "Investering";
            case IK -> "Intern kontroll";
            case U -> "Uppföljning";
        };
    }

    private static void grid(StringBuilder html, YearMonth month, WorkingCalendar calendar, Map<LocalDate, List<Activity>> byDate,
            Map<LocalDate, List<String>> sittings, Map<String, Integer> numbers, Marks marks) {
        html.append("<h2>").append(month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, SWEDISH))
                .append(' ').append(month.getYear()).append("</h2>\n<table><tr><th class=\"wk\">v.</th>");
        for (DayOfWeek day : DayOfWeek.values()) {
            html.append("<th>").append(day.getDisplayName(TextStyle.SHORT_STANDALONE, SWEDISH)).append("</th>");
        }
        html.append("</tr>\n");
        LocalDate day = month.atDay(1).with(DayOfWeek.MONDAY);
        while (!day.isAfter(month.atEndOfMonth())) {
            html.append("<tr class=\"").append(calendar.isWeakWeek(day) ? "weak" : "").append("\"><td class=\"wk\">")
                    .append(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).append("</td>");
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                if (!YearMonth.from(day).equals(month)) {
                    html.append("<td class=\"out\"></td>");
                    continue;
                }
                String off = calendar.nonWorkingReason(day).orElse("");
                html.append("<td class=\"").append(off.isEmpty() ? "" : calendar.getHolidays().containsKey(day) ? "holiday" : "weekend")
                        .append("\"").append(off.isEmpty() ? "" : " title=\"" + esc(swedishDayOff(off)) + "\"")
                        .append("><div class=\"d\">").append(day.getDayOfMonth());
                for (String body : sittings.getOrDefault(day, List.of())) {
                    html.append(" <span class=\"sit\">").append(esc(body)).append("</span>");
                }
                html.append("</div>");
                for (Activity activity : byDate.getOrDefault(day, List.of())) {
                    chip(html, activity, numbers.get(activity.getId()), marks);
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** The non-working reasons come from the calendar in English for weekends; holidays have Swedish names. */
    private static String swedishDayOff(String reason) {
        return switch (reason) {
            case "Saturday" -> "lördag";
            case "Sunday" -> "söndag";
            default -> reason;
        };
    }

    private static String background(Activity activity) {
        if (activity.isExternal()) {
            return EXTERNAL_COLOUR;
        }
        String colour = activity.getProcesses().stream().findFirst().map(COLOURS::get).orElse("#777");
        String stripes = activity.getProcesses().stream().skip(1).map(COLOURS::get).collect(Collectors.joining(","));
        return stripes.isEmpty() ? colour : "linear-gradient(90deg," + colour + " 70%," + stripes + ")";
    }

    private static String time(Activity activity) {
        return activity.getStart() == null ? "" : activity.getStart() + "–" + activity.getEnd();
    }

    private static String bodies(Activity activity) {
        return activity.getBodies().stream().map(Body::getCode).collect(Collectors.joining("/"));
    }

    /** The activity in the grid: its number, time and bodies; the full text is in the month's list. */
    private static void chip(StringBuilder html, Activity activity, int number, Marks marks) {
        String label = String.join(" ", Stream.of(time(activity), bodies(activity)).filter(t -> !t.isEmpty()).toList());
        html.append("<div class=\"chip").append(classes(activity, marks)).append("\" id=\"a-").append(esc(activity.getId()))
                .append("\" data-id=\"").append(esc(activity.getId())).append("\" style=\"background:")
                .append(background(activity)).append("\" title=\"").append(esc(number + ". " + activity.getName()))
                .append("\">").append(marks.broken().containsKey(activity.getId()) ? "<b class=\"mark\">!</b> " : "")
                .append(marks.movedFrom().containsKey(activity.getId()) ? "&#8644; " : "").append("<b>").append(number).append("</b>").append(label.isEmpty() ? "" : " " + esc(label))
                .append("</div>");
    }

    private static String classes(Activity activity, Marks marks) {
        return (marks.broken().containsKey(activity.getId()) ? " broken" : "")
                + (marks.movedFrom().containsKey(activity.getId()) ? " moved" : "")
                + (activity.getComment().isEmpty() ? "" : " kom");
    }

    /** The month's activities in full, under the numbers of the grid. */
    private static void agenda(StringBuilder html, YearMonth month, Map<LocalDate, List<Activity>> byDate,
            Map<String, Integer> numbers, Marks marks) {
        html.append("<ol class=\"agenda\">");
        for (var day : byDate.entrySet()) {
            if (!YearMonth.from(day.getKey()).equals(month)) {
                continue;
            }
            for (Activity activity : day.getValue()) {
                html.append("<li value=\"").append(numbers.get(activity.getId())).append("\" data-id=\"")
                        .append(esc(activity.getId())).append("\" class=\"").append(classes(activity, marks).trim())
                        .append("\"><span class=\"key\" style=\"background:").append(background(activity)).append("\"></span>")
                        .append("<span class=\"when\">").append(esc(DAY.format(day.getKey())));
                if (!time(activity).isEmpty()) {
                    html.append(' ').append(esc(time(activity)));
                }
                html.append("</span> ").append(esc(activity.getName()));
                String who = String.join(", ", Stream.of(bodies(activity), activity.getUnit()).filter(t -> !t.isEmpty()).toList());
                if (!who.isEmpty()) {
                    html.append(" <span class=\"who\">(").append(esc(who)).append(")</span>");
                }
                List<String> broken = marks.broken().getOrDefault(activity.getId(), List.of());
                if (!broken.isEmpty()) {
                    html.append(" <span class=\"flag\">! ").append(esc(String.join("; ", broken))).append("</span>");
                }
                LocalDate from = marks.movedFrom().get(activity.getId());
                if (from != null) {
                    html.append(" <span class=\"moved-key\">&#8644; flyttad från ").append(esc(DAY.format(from))).append("</span>");
                }
                if (!activity.getComment().isEmpty()) {
                    html.append(" <span class=\"comment\">&#9998; ").append(esc(activity.getComment())).append("</span>");
                }
                html.append("</li>");
            }
        }
        html.append("</ol>\n");
    }

    /** Each unit's activities per ISO week, as a bar chart drawn in SVG with its axes. */
    private static void workload(StringBuilder html, Schedule schedule) {
        var loads = schedule.weeklyLoads();
        LocalDate first = WorkingCalendar.weekOf(firstDate(schedule));
        int weeks = (int) ((lastDate(schedule).toEpochDay() - first.toEpochDay()) / 7 + 1);
        html.append("<h2>Arbetsbelastning per enhet och vecka</h2>\n<p class=\"legend\"><span class=\"bar-key\"></span>"
                + " aktiviteter i en vanlig vecka &nbsp; <span class=\"bar-key weak\"></span> aktiviteter i en svag vecka"
                + " (semester, jul)</p>\n<div class=\"charts\">\n");
        int left = 28;
        int step = 7;
        int top = 8;
        int height = 60;
        for (var unit : loads.entrySet()) {
            long max = Math.max(1, unit.getValue().values().stream().mapToLong(Long::longValue).max().orElse(1));
            int width = left + weeks * step + 10;
            int axis = top + height;
            html.append("<figure class=\"chart\"><figcaption>").append(esc(unit.getKey())).append(" (högst ").append(max)
                    .append(max == 1 ? " aktivitet" : " aktiviteter").append(" i en vecka)</figcaption><svg viewBox=\"0 0 ")
                    .append(width).append(' ').append(axis + 24).append("\" width=\"100%\" role=\"img\" aria-label=\"")
                    .append(esc("Arbetsbelastning " + unit.getKey())).append("\">");
            // The axes: activities up the side (0 and the highest week), ISO weeks along the bottom.
            html.append(line(left - 2, top, left - 2, axis)).append(line(left - 2, axis, width - 4, axis));
            html.append(text(left - 5, axis + 3, "end", "0")).append(text(left - 5, top + 4, "end", String.valueOf(max)))
                    .append(line(left - 5, top, left - 2, top));
            for (int index = 0; index < weeks; index++) {
                LocalDate week = first.plusWeeks(index);
                int number = week.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                if (number % 4 == 1 && number != 53) {
                    int x = left + index * step + 2;
                    html.append(line(x, axis, x, axis + 3)).append(text(x, axis + 12, "middle", "v. " + number));
                }
            }
            html.append(text(width - 4, axis + 22, "end", "vecka"));
            for (Map.Entry<LocalDate, Long> week : unit.getValue().entrySet()) {
                long index = (week.getKey().toEpochDay() - first.toEpochDay()) / 7;
                long bar = week.getValue() * height / max;
                html.append("<rect x=\"").append(left + index * step).append("\" y=\"").append(axis - bar)
                        .append("\" width=\"5\" height=\"").append(bar).append("\" class=\"")
                        .append(schedule.getCalendar().isWeakWeek(week.getKey()) ? "bar weakbar" : "bar")
                        .append("\"><title>").append(esc(unit.getKey() + ", v. " + week.getKey().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                                + " " + week.getKey().get(IsoFields.WEEK_BASED_YEAR) + ": " + week.getValue()
                                + (week.getValue() == 1 ? " aktivitet" : " aktiviteter")))
                        .append("</title></rect>");
            }
            html.append("</svg></figure>\n");
        }
        html.append("</div>\n");
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" class=\"axis\"/>";
    }

    private static String text(int x, int y, String anchor, String text) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + esc(text) + "</text>";
    }

    /** The dependencies as JSON for the script that lights up a chain. */
    private static String chainData(Schedule schedule) {
        Map<String, List<String>> after = new TreeMap<>();
        Map<String, List<String>> before = new TreeMap<>();
        for (Dependency d : schedule.getDependencies()) {
            after.computeIfAbsent(d.getBefore().getId(), k -> new ArrayList<>()).add(d.getAfter().getId());
            before.computeIfAbsent(d.getAfter().getId(), k -> new ArrayList<>()).add(d.getBefore().getId());
        }
        return "var AFTER = " + json(after) + ";\nvar BEFORE = " + json(before) + ";\n";
    }

    private static String json(Map<String, List<String>> map) {
        return map.entrySet().stream().map(e -> jsonString(e.getKey()) + ":[" + e.getValue().stream()
                .map(YearViewPage::jsonString).collect(Collectors.joining(",")) + "]")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + "\"";
    }

    private static String esc(String text) {
        return Html.escape(text);
    }

    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Arial,sans-serif;margin:12px;color:#222}
            h1{font-size:20px;margin:0 0 6px} h2{font-size:13px;margin:4px 0}
            .legend,.summary{font-size:11px} #errors{color:#b00;font-weight:bold}
            .months{display:grid;grid-template-columns:repeat(4,1fr);gap:10px}
            .month table{border-collapse:collapse;width:100%;table-layout:fixed}
            .month th{font-size:9px;color:#555} .month td{border:1px solid #ccc;vertical-align:top;height:30px;padding:1px;font-size:8px}
            .month th.wk{width:16px} .month td.wk{border:none;color:#777;font-size:8px;text-align:right;padding-right:3px;vertical-align:middle}
            td.out{border:none} td.weekend{background:#f1f1f1} td.holiday{background:#fbe3e3}
            tr.weak td:not(.out):not(.wk){background-image:repeating-linear-gradient(45deg,transparent 0 4px,#eef3fa 4px 8px)}
            .d{color:#666;font-size:8px} .sit{background:#ffe9a8;border-radius:2px;padding:0 2px;font-size:7px;color:#5a4500}
            .chip{color:#fff;border-radius:2px;padding:0 2px;margin:1px 0;font-size:7.5px;line-height:1.25;cursor:default}
            .legend .chip{display:inline-block;font-size:10px}
            .chip.lit,.agenda li.lit{outline:2px solid #000;outline-offset:0} .chip.dim,.agenda li.dim{opacity:.3}
            .chip.kom::after{content:" \\270E";} .chip.broken{box-shadow:inset 0 0 0 2px #ff2a2a} .chip .mark{color:#fff200}
            .agenda{margin:3px 0 0;padding-left:22px;font-size:8.5px;line-height:1.3}
            .agenda li{margin:1px 0;break-inside:avoid} .agenda .key{display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:3px}
            .agenda .when{color:#555} .agenda .who{color:#555} .agenda .comment{color:#555;font-style:italic}
            .flag{color:#c00;font-weight:bold} .moved-key{color:#1a5fb4;font-weight:bold}
            .agenda li.broken{background:#fde8e8} .agenda li.moved{background:#e7f0fb}
            .holiday-key{background:#fbe3e3;padding:0 3px} .weekend-key{background:#f1f1f1;padding:0 3px}
            .weak-key{background-image:repeating-linear-gradient(45deg,#fff 0 4px,#dde7f5 4px 8px);padding:0 3px}
            .charts{display:grid;grid-template-columns:repeat(2,1fr);gap:4px} .chart{margin:0;font-size:10px}
            .chart text{font-size:8px;fill:#444} .axis{stroke:#888;stroke-width:1}
            .bar{fill:#2f6db5} .weakbar{fill:#b8333a}
            .bar-key{display:inline-block;width:10px;height:10px;background:#2f6db5} .bar-key.weak{background:#b8333a}
            @page{size:A3 landscape;margin:8mm}
            @media print{body{margin:0} *{print-color-adjust:exact;-webkit-print-color-adjust:exact} .month{break-inside:avoid}}
            """;

    private static final String SCRIPT = """
            window.onerror = function (message) { document.getElementById('errors').textContent += message + ' '; };
            function chain(id) {
              var seen = {}; seen[id] = true;
              [AFTER, BEFORE].forEach(function (links) {
                var queue = [id];
                while (queue.length) {
                  (links[queue.shift()] || []).forEach(function (next) {
                    if (!seen[next]) { seen[next] = true; queue.push(next); }
                  });
                }
              });
              return seen;
            }
            var chips = document.querySelectorAll('.months .chip');
            var items = document.querySelectorAll('.months .chip, .agenda li');
            items.forEach(function (item) {
              item.addEventListener('mouseenter', function () {
                var lit = chain(item.dataset.id);
                items.forEach(function (c) { c.classList.toggle('lit', !!lit[c.dataset.id]); c.classList.toggle('dim', !lit[c.dataset.id]); });
              });
              item.addEventListener('mouseleave', function () {
                items.forEach(function (c) { c.classList.remove('lit'); c.classList.remove('dim'); });
              });
            });
            document.body.dataset.rendered = chips.length;
            """;
}
