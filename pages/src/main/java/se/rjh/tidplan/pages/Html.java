package se.rjh.tidplan.pages;

import java.util.Objects;

/** Text put into the HTML pages tidplan writes (the year view, the comparison). */
public final class Html {

    private Html() {
    }

    /** The text with {@code & < > "} escaped, so names like "Budget- o aktivitetsplaner" show as written. */
    public static String escape(String text) {
        return Objects.toString(text, "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
