package se.rjh.tidplan.data.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Tidplan's last three columns ("Verksamhet med stöd från stab", "Ekonomi staben/ Enheten PoU",
 * "Kommentar"), which the copy out of the PDF put after the table, one block per page, with the lines of rows
 * that had nothing in them dropped. A line is put back on its row only where that is certain:
 * <ul>
 * <li>a page whose block has as many lines as the page has rows: line by line;</li>
 * <li>a comment that shares a distinctive word (eight letters or more, or inside a longer word of the row:
 * "avstämning" in "slutavstämning") with exactly one row it can stand on, given the lines before and after it;</li>
 * <li>the lines between two such placed lines (or a placed line and the page's edge) when they are as many
 * as the rows between.</li>
 * </ul>
 * Every other line is left out and reported, so the user can add its marks by hand.
 */
final class TrailingTable {

    /** One line of the trailing table: its three cells, verbatim. */
    record Line(long number, String operations, String finance, String comment) {
        static Line parse(long number, String text) {
            String[] cells = text.split("\t", -1);
            return new Line(number, cell(cells, 0), cell(cells, 1), cell(cells, 2));
        }

        private static String cell(String[] cells, int index) {
            return index < cells.length ? cells[index].trim() : "";
        }
    }

    /** Where the lines went: each placed line by its row, and the lines that could not be placed. */
    record Alignment(Map<CalendarRow, Line> placed, List<Line> unplaced, List<String> reasons) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}]{8,}");

    private TrailingTable() {
    }

    static Alignment align(List<List<CalendarRow>> pages, List<List<Line>> blocks) {
        Map<CalendarRow, Line> placed = new IdentityHashMap<>();
        List<Line> unplaced = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        if (pages.size() != blocks.size()) {
            // The blocks cannot be told apart by page: align the whole table as one.
            pages = List.of(pages.stream().flatMap(List::stream).toList());
            blocks = List.of(blocks.stream().flatMap(List::stream).toList());
        }
        for (int p = 0; p < pages.size(); p++) {
            List<CalendarRow> rows = pages.get(p);
            List<Line> lines = blocks.get(p);
            int before = placed.size();
            alignPage(rows, lines, placed);
            List<Line> left = lines.stream().filter(l -> !placed.containsValue(l)).toList();
            if (!left.isEmpty()) {
                unplaced.addAll(left);
                reasons.add("page " + (p + 1) + ": " + rows.size() + " rows, " + lines.size() + " lines, "
                        + (placed.size() - before) + " put back; which rows the other " + left.size()
                        + " belong to is not known (the copy dropped the empty lines)");
            }
        }
        return new Alignment(placed, unplaced, reasons);
    }

    private static void alignPage(List<CalendarRow> rows, List<Line> lines, Map<CalendarRow, Line> placed) {
        int n = rows.size();
        int m = lines.size();
        if (m > n) {
            return;
        }
        // Anchors: line index -> row index, left to right; each must leave room for the lines around it.
        List<int[]> anchors = new ArrayList<>();
        anchors.add(new int[] {-1, -1});
        for (int i = 0; i < m; i++) {
            Set<String> words = words(lines.get(i).comment());
            if (words.isEmpty()) {
                continue;
            }
            int[] previous = anchors.get(anchors.size() - 1);
            int lo = previous[1] + (i - previous[0]);
            int hi = n - (m - i);
            int best = 0;
            int at = -1;
            boolean unique = false;
            for (int r = lo; r <= hi; r++) {
                int score = shared(words, rows.get(r).name());
                if (score > best) {
                    best = score;
                    at = r;
                    unique = true;
                } else if (score == best && score > 0) {
                    unique = false;
                }
            }
            if (unique) {
                anchors.add(new int[] {i, at});
            }
        }
        anchors.add(new int[] {m, n});
        for (int a = 0; a + 1 < anchors.size(); a++) {
            int[] from = anchors.get(a);
            int[] to = anchors.get(a + 1);
            if (to[0] < m) {
                placed.put(rows.get(to[1]), lines.get(to[0]));
            }
            if (to[0] - from[0] == to[1] - from[1]) {
                for (int k = 1; from[0] + k < to[0]; k++) {
                    placed.put(rows.get(from[1] + k), lines.get(from[0] + k));
                }
            }
        }
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static int shared(Set<String> comment, String name) {
        Set<String> inName = words(name);
        int count = 0;
        for (String word : comment) {
            if (inName.stream().anyMatch(w -> w.contains(word))) {
                count++;
            }
        }
        return count;
    }
}
