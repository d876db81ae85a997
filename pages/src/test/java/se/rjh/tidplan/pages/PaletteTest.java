package se.rjh.tidplan.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.rjh.tidplan.data.HandMadeCalendar;
import se.rjh.tidplan.model.ProcessArea;

/** palette.css is the one source of the pages' colours. */
class PaletteTest {

    private static final Pattern USE = Pattern.compile("var\\(--([A-Za-z0-9-]+)\\)");

    @Test
    void everyProcessHasItsColour() {
        for (ProcessArea process : ProcessArea.values()) {
            assertTrue(Palette.process(process).matches("#[0-9a-f]{3,6}"), process.name());
        }
        // The workspace's colours of the processes are these (its app.js had them as COLOURS).
        assertEquals("#2f6db5", Palette.process(ProcessArea.P));
        assertEquals("#1f7a4d", Palette.process(ProcessArea.U));
    }

    @Test
    void theYearViewInlinesThePaletteAndTakesEveryColourItNamesFromIt() {
        String page = YearViewPage.render(HandMadeCalendar.placed(), YearViewPage.Marks.NONE);
        assertTrue(page.contains("<style>\n" + Palette.css()), "the palette opens the page's style");
        assertTrue(page.contains("<span class=\"chip\" style=\"background:" + Palette.process(ProcessArea.P)
                + "\">P</span> Planering"));
        List<String> named = new ArrayList<>();
        Matcher use = USE.matcher(page);
        while (use.find()) {
            named.add(use.group(1));
        }
        assertTrue(named.size() > 10, "the style takes its colours from the palette: " + named);
        // Palette.colour refuses a name the palette does not define.
        named.forEach(Palette::colour);
    }
}
