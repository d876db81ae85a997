package se.rjh.tidplan.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import se.rjh.tidplan.planning.words.Words;

/**
 * The page's scripts and its HTML against the bundle: every key they say is a sentence of it, and every text of the
 * page's own ({@code page.*}) is said somewhere. A key built at run time is named by its quoted prefix ('page.audit.'
 * + the action).
 */
class PageWordsTest {

    private static final Path WEB = Path.of("src/main/resources/web");
    /** A quoted string in a script or in HTML. */
    private static final Pattern QUOTED = Pattern.compile("'([^'\\n]*)'|\"([^\"\\n]*)\"");
    /** A key as the scripts say one: t('role.viewer'), or a page text wherever it is named. */
    private static final Pattern SAID = Pattern.compile("\\bt\\('([a-z][a-z.]*[a-z])'");
    private static final Pattern PAGE_KEY = Pattern.compile("page\\.[a-z.]*[a-z]");
    /** A comment of a script: a block, or a line's end after //. */
    private static final Pattern COMMENT = Pattern.compile("/\\*[\\s\\S]*?\\*/|(?m)(^|\\s)//.*$");
    /** A string of a script: quoted, or a template. */
    private static final Pattern STRING = Pattern.compile("'[^'\\n]*'|\"[^\"\\n]*\"|`[^`]*`");
    private static final Pattern SWEDISH_LETTER = Pattern.compile("[åäöÅÄÖ]");

    private static String page() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(WEB)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html")).sorted().toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    private static Set<String> quoted(String text) {
        Set<String> strings = new TreeSet<>();
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            strings.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return strings;
    }

    @Test
    void everyKeyThePageSaysIsInTheBundle() throws IOException {
        Map<String, String> bundle = Words.swedish().patterns();
        String page = page();
        Set<String> missing = new TreeSet<>();
        Matcher said = SAID.matcher(page);
        while (said.find()) {
            if (!bundle.containsKey(said.group(1))) {
                missing.add(said.group(1));
            }
        }
        quoted(page).stream().filter(s -> PAGE_KEY.matcher(s).matches() && !bundle.containsKey(s)).forEach(missing::add);
        assertEquals(Set.of(), missing, "keys the page says that the bundle does not have");
    }

    /**
     * A script's own text is a sentence of the bundle, said by its key: no string of a script (its comments aside) is
     * in Swedish, which a Swedish letter gives away ("Lägg till", "Ändringen gjordes inte").
     */
    @Test
    void noScriptHasASwedishTextOfItsOwn() throws IOException {
        Set<String> swedish = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WEB)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
                String code = COMMENT.matcher(Files.readString(file)).replaceAll("");
                Matcher m = STRING.matcher(code);
                while (m.find()) {
                    if (SWEDISH_LETTER.matcher(m.group()).find()) {
                        swedish.add(file.getFileName() + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(Set.of(), swedish, "texts of the scripts not from the bundle");
    }

    @Test
    void everyTextOfThePageIsSaid() throws IOException {
        Set<String> quoted = quoted(page());
        List<String> prefixes = quoted.stream().filter(s -> s.startsWith("page.") && s.endsWith(".")).toList();
        List<String> unused = Words.swedish().patterns().keySet().stream().filter(k -> k.startsWith("page."))
                .filter(k -> !quoted.contains(k) && prefixes.stream().noneMatch(k::startsWith)).toList();
        assertEquals(List.of(), unused, "page texts no script or HTML says");
    }
}
