package se.rjh.tidplan.data.read;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A meeting's time of day as the Tidplan writes it: {@code 13:00 - 15:00}, or with dots and no leading
 * zero, {@code 8.40 - 9.00}. tidplan writes it back as {@code HH:mm - HH:mm}.
 */
public record MeetingTime(LocalTime start, LocalTime end) {

    private static final Pattern RANGE = Pattern.compile(
            "(\\d{1,2})[:.](\\d{2})\\s*[-–]\\s*(\\d{1,2})[:.](\\d{2})");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** Parses a time range, or returns null when the text is not one (the caller says where). */
    public static MeetingTime parse(String text) {
        Matcher m = RANGE.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        LocalTime start = time(m.group(1), m.group(2));
        LocalTime end = time(m.group(3), m.group(4));
        return start == null || end == null || !start.isBefore(end) ? null : new MeetingTime(start, end);
    }

    private static LocalTime time(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int min = Integer.parseInt(minutes);
        return h > 23 || min > 59 ? null : LocalTime.of(h, min);
    }

    public int minutes() {
        return (end.toSecondOfDay() - start.toSecondOfDay()) / 60;
    }

    public static String format(LocalTime start, LocalTime end) {
        return HH_MM.format(start) + " - " + HH_MM.format(end);
    }
}
