package se.rjh.tidplan.pages;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import se.rjh.tidplan.data.write.AtomicFile;

/**
 * The pages' templates ({@code src/main/jte}), turned into classes of this package when the module is built, so
 * nothing is compiled when a page is made. HTML content: jte escapes each value for where it stands (text, attribute).
 */
final class Templates {

    private static final TemplateEngine ENGINE = engine();

    private Templates() {
    }

    /** The page {@code template} (e.g. "yearview.jte") shows {@code page}, its one parameter. */
    static String render(String template, Object page) {
        StringOutput output = new StringOutput();
        ENGINE.render(template, page, output);
        return output.toString();
    }

    /** Writes a page atomically, as UTF-8. */
    static void write(String page, Path target) {
        AtomicFile.write(target, out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
    }

    /** jte finds precompiled templates through the thread's context class loader: this module's, whoever renders first. */
    private static TemplateEngine engine() {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Templates.class.getClassLoader());
        try {
            return TemplateEngine.createPrecompiled(null, ContentType.Html, null, Templates.class.getPackageName());
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
