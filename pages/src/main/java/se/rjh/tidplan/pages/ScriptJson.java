package se.rjh.tidplan.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import gg.jte.Content;
import gg.jte.TemplateOutput;

/**
 * A value as JSON that is safe inside a page's {@code <script>}: {@code < > &} are written as {@code \u003C} and so on,
 * so no text can close the script or open a comment, and U+2028/U+2029 (line ends to older JavaScript) and control
 * characters are escaped too. A template writes it as it is: jte's own script escaping is for text inside a string.
 */
record ScriptJson(String json) implements Content {

    private static final ObjectWriter WRITER = new ObjectMapper().writer().with(new ScriptEscapes());

    static ScriptJson of(Object value) {
        try {
            return new ScriptJson(WRITER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(json);
    }

    private static final class ScriptEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");
        private final int[] ascii = standardAsciiEscapesForJSON();

        ScriptEscapes() {
            for (char c : new char[] {'<', '>', '&'}) {
                ascii[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case '\u2028' -> LINE_SEPARATOR;
                case '\u2029' -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }
}
