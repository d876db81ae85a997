package se.rjh.tidplan.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;

/** What every page must be: one self-contained file in the palette's colours. */
final class PageAssertions {

    private PageAssertions() {
    }

    /** An HTML document from its first byte, with palette.css inlined, loading nothing from the network. */
    static void assertSelfContainedPage(String page) {
        assertEquals(0, page.indexOf("<!DOCTYPE html>"), page.substring(0, Math.min(80, page.length())));
        assertTrue(page.endsWith("</body></html>\n"));
        assertTrue(page.contains(Palette.css()), "palette.css is not inlined");
        assertFalse(page.contains("http"), "the page must not load anything from the network");
    }

    /** The text as jte writes it in an element's content. */
    static String asText(String text) {
        StringOutput output = new StringOutput();
        Escape.htmlContent(text, output);
        return output.toString();
    }
}
