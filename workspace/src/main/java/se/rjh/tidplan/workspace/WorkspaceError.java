package se.rjh.tidplan.workspace;

/** Why the workspace did not do what it was asked; each kind is one answer of the API. */
public abstract sealed class WorkspaceError extends RuntimeException
        permits WorkspaceError.NotFound, WorkspaceError.BadRequest, WorkspaceError.Invalid, WorkspaceError.Busy,
        WorkspaceError.Conflict {

    private static final long serialVersionUID = 1L;

    WorkspaceError(String message) {
        super(message);
    }

    /** A request for something that does not exist. */
    public static final class NotFound extends WorkspaceError {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message);
        }
    }

    /** A request that cannot be carried out as asked. */
    public static final class BadRequest extends WorkspaceError {
        private static final long serialVersionUID = 1L;

        public BadRequest(String message) {
            super(message);
        }
    }

    /**
     * An edit of a scenario's dataset refused, and nothing changed: {@code field} names the field of the edit (as
     * the request's JSON spells it, e.g. {@code activity.unit}) that is wrong, so the page can show it there.
     */
    public static final class Invalid extends WorkspaceError {
        private static final long serialVersionUID = 1L;
        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Every core is busy: the request was not carried out; try it again shortly. */
    public static final class Busy extends WorkspaceError {
        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }

    /** A request that clashes with what is going on (a second solve of one scenario). */
    public static final class Conflict extends WorkspaceError {
        private static final long serialVersionUID = 1L;

        Conflict(String message) {
            super(message);
        }
    }
}
