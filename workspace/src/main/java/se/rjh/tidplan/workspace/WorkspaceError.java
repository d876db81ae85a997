package se.rjh.tidplan.workspace;

import se.rjh.tidplan.planning.words.Phrase;
import se.rjh.tidplan.planning.words.Text;
import se.rjh.tidplan.planning.words.Words;

/**
 * Why the workspace did not do what it was asked; each kind is one answer of the API, said as a phrase in the
 * planners' words (the message, for the log, is the same in the server's words).
 */
public abstract sealed class WorkspaceError extends RuntimeException
        permits WorkspaceError.NotFound, WorkspaceError.BadRequest, WorkspaceError.Invalid, WorkspaceError.Busy,
        WorkspaceError.Conflict {

    private static final long serialVersionUID = 1L;
    private final transient Phrase phrase;

    WorkspaceError(Phrase phrase) {
        super(Words.planners().say(phrase));
        this.phrase = phrase;
    }

    public Phrase phrase() {
        return phrase;
    }

    /** A request for something that does not exist. */
    public static final class NotFound extends WorkspaceError {
        private static final long serialVersionUID = 1L;

        public NotFound(Text text, Object... arguments) {
            super(Phrase.of(text, arguments));
        }
    }

    /** A request that cannot be carried out as asked. */
    public static final class BadRequest extends WorkspaceError {
        private static final long serialVersionUID = 1L;

        public BadRequest(Text text, Object... arguments) {
            super(Phrase.of(text, arguments));
        }
    }

    /**
     * An edit of a scenario's dataset refused, and nothing changed: {@code field} names the field of the edit (as
     * the request's JSON spells it, e.g. {@code activity.unit}) that is wrong, so the page can show it there.
     */
    public static final class Invalid extends WorkspaceError {
        private static final long serialVersionUID = 1L;
        private final String field;

        public Invalid(String field, Text text, Object... arguments) {
            this(field, Phrase.of(text, arguments));
        }

        public Invalid(String field, Phrase phrase) {
            super(phrase);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Every core is busy: the request was not carried out; try it again shortly. */
    public static final class Busy extends WorkspaceError {
        private static final long serialVersionUID = 1L;

        Busy() {
            super(Phrase.of(Text.ERROR_BUSY));
        }
    }

    /** A request that clashes with what is going on (a second solve of one scenario). */
    public static final class Conflict extends WorkspaceError {
        private static final long serialVersionUID = 1L;

        Conflict(Text text, Object... arguments) {
            super(Phrase.of(text, arguments));
        }
    }
}
