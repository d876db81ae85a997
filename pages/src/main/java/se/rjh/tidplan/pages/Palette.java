package se.rjh.tidplan.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.rjh.tidplan.model.ProcessArea;

/**
 * The colours of every page, from {@code palette.css}: CSS custom properties for the processes and for what a page
 * marks. The pages inline the file (they open offline); the workspace serves the same text. Where a page needs a
 * colour in an attribute (a chip's background, an SVG fill) it takes the value from here, so no colour is written twice.
 */
public final class Palette {

    private static final Pattern PROPERTY = Pattern.compile("--([A-Za-z0-9-]+)\\s*:\\s*([^;]+);");
    private static final String CSS = read();
    private static final Map<String, String> COLOURS = properties(CSS);

    private Palette() {
    }

    /** The text of {@code palette.css}. */
    public static String css() {
        return CSS;
    }

    /** The value of the palette's {@code --name}, e.g. {@code external} is {@code #555}. */
    static String colour(String name) {
        String colour = COLOURS.get(name);
        if (colour == null) {
            throw new IllegalArgumentException("palette.css has no --" + name);
        }
        return colour;
    }

    static String process(ProcessArea process) {
        return colour("process-" + process.name());
    }

    private static String read() {
        try (InputStream in = Palette.class.getResourceAsStream("palette.css")) {
            if (in == null) {
                throw new IllegalStateException("palette.css is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> properties(String css) {
        Map<String, String> properties = new HashMap<>();
        Matcher m = PROPERTY.matcher(css);
        while (m.find()) {
            properties.put(m.group(1), m.group(2).trim());
        }
        return Map.copyOf(properties);
    }
}
