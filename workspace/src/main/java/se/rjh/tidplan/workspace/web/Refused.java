package se.rjh.tidplan.workspace.web;

import io.javalin.http.HttpStatus;
import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.planning.words.Words;

/**
 * A request refused before anything is done, with the status that says why: no login or not allowed (401, 403),
 * too many failed logins (429), a form the server does not take (too large, not JSON, not an upload, not a stream);
 * the why is a phrase in the planners' words.
 */
final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final HttpStatus status;
    final transient Phrase phrase;

    Refused(HttpStatus status, Text text, Object... arguments) {
        this(status, Phrase.of(text, arguments));
    }

    private Refused(HttpStatus status, Phrase phrase) {
        super(Words.planners().say(phrase));
        this.status = status;
        this.phrase = phrase;
    }
}
