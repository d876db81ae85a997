package se.rjh.tidplan.planning.words;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A sentence to say, not yet in words: its key and its arguments, which may be phrases themselves (a rule's name in
 * a reason, a change in the history). {@link Words} says it in a language; a missing date (null) is said as "…".
 */
public record Phrase(Text text, List<Object> arguments) {

    public Phrase {
        Objects.requireNonNull(text, "text");
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
        if (arguments.size() != text.arguments()) {
            throw new IllegalArgumentException(text + " takes " + text.arguments() + " arguments, not " + arguments.size());
        }
    }

    public static Phrase of(Text text, Object... arguments) {
        return new Phrase(text, Arrays.asList(arguments));
    }
}
