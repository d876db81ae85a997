package se.rjh.tidplan.data.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Body;
import se.rjh.tidplan.model.Dependency;
import se.rjh.tidplan.model.ProcessArea;
import se.rjh.tidplan.model.Schedule;
import se.rjh.tidplan.model.WorkingCalendar;

/**
 * The year on one page, for the politicians' wall and the finance staff's screen: a month grid per month
 * of the horizon with every activity coloured by its process, the bodies' sitting days, holidays and weak
 * weeks marked, the chain of a matter lit up when the pointer rests on one of its steps, and each unit's
 * weekly workload as a bar chart. One self-contained HTML file (no network when it is viewed), laid out to
 * print on A3 landscape.
 */
public final class YearViewPage {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final Map<ProcessArea, String> COLOURS = Map.of(ProcessArea.P, "#2f6db5", ProcessArea.B, "#c9772b",
            ProcessArea.I, "#6a3d9a", ProcessArea.IK, "#b8333a", ProcessArea.U, "#2e8b57");

    private YearViewPage() {
    }

    public static void write(Schedule schedule, Path target) {
        String page = render(schedule);
        AtomicFile.write(target, out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
    }

    public static String render(Schedule schedule) {
        WorkingCalendar calendar = schedule.getCalendar();
        Map<LocalDate, List<Activity>> byDate = new TreeMap<>();
        for (Activity activity : CalendarCsvWriter.inCalendarOrder(schedule)) {
            byDate.computeIfAbsent(activity.getDate(), d -> new ArrayList<>()).add(activity);
        }
        Map<LocalDate, List<String>> sittings = new TreeMap<>();
        for (Body body : schedule.getBodies()) {
            body.getSittings().forEach(day -> sittings.computeIfAbsent(day, d -> new ArrayList<>()).add(body.getCode()));
        }
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(schedule.getName())).append("</title>\n<style>\n").append(STYLE).append("</style></head>\n")
                .append("<body><div id=\"errors\"></div>\n<h1>").append(esc(schedule.getName())).append("</h1>\n");
        legend(html);
        html.append("<div class=\"months\">\n");
        YearMonth last = YearMonth.from(lastDate(schedule));
        for (YearMonth month = YearMonth.from(firstDate(schedule)); !month.isAfter(last); month = month.plusMonths(1)) {
            month(html, month, calendar, byDate, sittings);
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

    private static void legend(StringBuilder html) {
        html.append("<p class=\"legend\">");
        for (ProcessArea process : ProcessArea.values()) {
            html.append("<span class=\"chip\" style=\"background:").append(COLOURS.get(process)).append("\">")
                    .append(process.name()).append("</span> ").append(processName(process)).append(" &nbsp; ");
        }
        html.append("<span class=\"chip ext\">SKR</span> extern händelse &nbsp; <span class=\"sit\">RS</span> sammanträde "
                + "&nbsp; <span class=\"holiday-key\">röd</span> helgdag &nbsp; <span class=\"weak-key\">randig</span> svag vecka"
                + " &nbsp; Peka på en aktivitet för att se dess kedja.</p>\n");
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

    private static void month(StringBuilder html, YearMonth month, WorkingCalendar calendar,
            Map<LocalDate, List<Activity>> byDate, Map<LocalDate, List<String>> sittings) {
        html.append("<section class=\"month\"><h2>").append(month.getMonth().getDisplayName(TextStyle.FULL, SWEDISH))
                .append(' ').append(month.getYear()).append("</h2>\n<table><tr>");
        for (DayOfWeek day : DayOfWeek.values()) {
            html.append("<th>").append(day.getDisplayName(TextStyle.SHORT, SWEDISH)).append("</th>");
        }
        html.append("</tr>\n");
        LocalDate day = month.atDay(1).with(DayOfWeek.MONDAY);
        while (!day.isAfter(month.atEndOfMonth())) {
            html.append("<tr class=\"").append(calendar.isWeakWeek(day) ? "weak" : "").append("\">");
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                if (!YearMonth.from(day).equals(month)) {
                    html.append("<td class=\"out\"></td>");
                    continue;
                }
                String off = calendar.nonWorkingReason(day).orElse("");
                html.append("<td class=\"").append(off.isEmpty() ? "" : calendar.getHolidays().containsKey(day) ? "holiday" : "weekend")
                        .append("\"").append(off.isEmpty() ? "" : " title=\"" + esc(off) + "\"").append("><div class=\"d\">")
                        .append(day.getDayOfMonth());
                for (String body : sittings.getOrDefault(day, List.of())) {
                    html.append(" <span class=\"sit\">").append(esc(body)).append("</span>");
                }
                html.append("</div>");
                for (Activity activity : byDate.getOrDefault(day, List.of())) {
                    chip(html, activity);
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table></section>\n");
    }

    private static void chip(StringBuilder html, Activity activity) {
        String colour = activity.getProcesses().stream().findFirst().map(COLOURS::get).orElse("#777");
        String stripes = activity.getProcesses().stream().skip(1).map(COLOURS::get).collect(Collectors.joining(","));
        String background = stripes.isEmpty() ? colour : "linear-gradient(90deg," + colour + " 70%," + stripes + ")";
        String time = activity.getStart() == null ? "" : activity.getStart() + "-" + activity.getEnd() + " ";
        html.append("<div class=\"chip").append(activity.isExternal() ? " ext" : "")
                .append(activity.getComment().isEmpty() ? "" : " kom").append("\" id=\"a-")
                .append(esc(activity.getId())).append("\" data-id=\"").append(esc(activity.getId()))
                .append("\" style=\"background:").append(activity.isExternal() ? "#555" : background).append("\" title=\"")
                .append(esc(activity.getId() + ": " + activity.getName() + " (" + activity.getDate() + " " + time.trim()
                        + (activity.getBodies().isEmpty() ? "" : ", " + activity.getBodies().stream().map(Body::getCode)
                                .collect(Collectors.joining("/"))) + ")"
                        + (activity.getComment().isEmpty() ? "" : "\nKommentar: " + activity.getComment())))
                .append("\">").append(esc(time)).append(esc(shortName(activity.getName()))).append("</div>");
    }

    private static String shortName(String name) {
        return name.length() <= 48 ? name : name.substring(0, 46) + "…";
    }

    /** Each unit's activities per ISO week, as a bar chart drawn in SVG. */
    private static void workload(StringBuilder html, Schedule schedule) {
        var loads = schedule.weeklyLoads();
        LocalDate first = WorkingCalendar.weekOf(firstDate(schedule));
        long weeks = (lastDate(schedule).toEpochDay() - first.toEpochDay()) / 7 + 1;
        html.append("<h2>Arbetsbelastning per enhet och vecka</h2>\n<div class=\"charts\">\n");
        for (var unit : loads.entrySet()) {
            long max = Math.max(1, unit.getValue().values().stream().mapToLong(Long::longValue).max().orElse(1));
            int width = (int) weeks * 6 + 40;
            html.append("<figure class=\"chart\"><figcaption>").append(esc(unit.getKey())).append(" (högst ").append(max)
                    .append(" i en vecka)</figcaption><svg width=\"").append(width).append("\" height=\"70\" role=\"img\">");
            for (Map.Entry<LocalDate, Long> week : unit.getValue().entrySet()) {
                long index = (week.getKey().toEpochDay() - first.toEpochDay()) / 7;
                long height = week.getValue() * 60 / max;
                html.append("<rect x=\"").append(20 + index * 6).append("\" y=\"").append(65 - height)
                        .append("\" width=\"5\" height=\"").append(height).append("\" class=\"")
                        .append(schedule.getCalendar().isWeakWeek(week.getKey()) ? "bar weakbar" : "bar")
                        .append("\"><title>").append(esc(unit.getKey() + ", vecka " + week.getKey() + ": " + week.getValue()))
                        .append("</title></rect>");
            }
            html.append("</svg></figure>\n");
        }
        html.append("</div>\n");
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
            .legend{font-size:11px} #errors{color:#b00;font-weight:bold}
            .months{display:grid;grid-template-columns:repeat(4,1fr);gap:8px}
            .month table{border-collapse:collapse;width:100%;table-layout:fixed}
            .month th{font-size:9px;color:#555} .month td{border:1px solid #ccc;vertical-align:top;height:44px;padding:1px;font-size:8px;overflow:hidden}
            td.out{border:none} td.weekend{background:#f1f1f1} td.holiday{background:#fbe3e3}
            tr.weak td:not(.out){background-image:repeating-linear-gradient(45deg,transparent 0 4px,#eef3fa 4px 8px)}
            .d{color:#666;font-size:8px} .sit{background:#ffe9a8;border-radius:2px;padding:0 2px;font-size:7px;color:#5a4500}
            .chip{color:#fff;border-radius:2px;padding:0 2px;margin:1px 0;font-size:7.5px;line-height:1.2;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;cursor:default}
            .legend .chip{display:inline-block;font-size:10px}
            .chip.lit{outline:2px solid #000;outline-offset:0} .chip.dim{opacity:.25}
            .chip.kom::before{content:"\\270E ";}
            .holiday-key{background:#fbe3e3;padding:0 3px} .weak-key{background-image:repeating-linear-gradient(45deg,#fff 0 4px,#dde7f5 4px 8px);padding:0 3px}
            .charts{display:grid;grid-template-columns:repeat(2,1fr);gap:4px} .chart{margin:0;font-size:10px}
            .bar{fill:#2f6db5} .weakbar{fill:#b8333a}
            @page{size:A3 landscape;margin:8mm} @media print{body{margin:0} .chip{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
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
            chips.forEach(function (chip) {
              chip.addEventListener('mouseenter', function () {
                var lit = chain(chip.dataset.id);
                chips.forEach(function (c) { c.classList.toggle('lit', !!lit[c.dataset.id]); c.classList.toggle('dim', !lit[c.dataset.id]); });
              });
              chip.addEventListener('mouseleave', function () {
                chips.forEach(function (c) { c.classList.remove('lit'); c.classList.remove('dim'); });
              });
            });
            document.body.dataset.rendered = chips.length;
            """;
}
