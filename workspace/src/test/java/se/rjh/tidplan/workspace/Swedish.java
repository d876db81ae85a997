package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the planners are told is Swedish: none of the English the server's sentences were written in before its bundle. */
final class Swedish {

    /**
     * Words and phrases of the command line's sentences (rules, findings, reasons, changes, errors) that no Swedish
     * sentence has; a name, an id or a date in the text is not one of them.
     */
    static final List<String> ENGLISH = List.of("the", "is", "are", "on", "not", "no", "of", "to", "an", "with", "and",
            "sits", "sit", "comes", "too soon", "needs", "move it", "which", "working day", "working days", "calendar days",
            "before today", "frozen", "outside", "window", "chain", "keeps its order", "soft goals", "its time", "log in",
            "wrong user name", "password", "try again", "already", "being solved", "request", "expected", "missing",
            "upload", "internal error", "unknown body", "no activity", "hard", "soft", "score",
            "Order with minimum lag", "Sitting day of the body", "Working day", "Buffer before the next step",
            "Close to the hand-made date", "Even workload", "hand-made", "Pinned or external", "meeting", "meetings",
            "null", "undefined", "NaN");

    private static final Pattern ANY = Pattern.compile("\\b(" + String.join("|", ENGLISH.stream()
            .map(Pattern::quote).toList()) + ")\\b");

    private Swedish() {
    }

    /** The first English word or phrase in {@code text} with the words around it, or null if there is none. */
    static String englishIn(String text) {
        Matcher m = ANY.matcher(text);
        return m.find() ? m.group() + " in \"" + text.substring(Math.max(0, m.start() - 60), Math.min(text.length(), m.end() + 60))
                + "\"" : null;
    }

    static void assertSwedish(String text) {
        assertFalse(text.isBlank(), "nothing said");
        String english = englishIn(text);
        assertFalse(english != null, "English: " + english);
    }
}
