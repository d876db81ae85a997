package se.rjh.tidplan.data;

import java.util.List;

/**
 * A problem in a dataset or calendar file, told as one line a user can act on:
 * {@code file:line: field: what is wrong}.
 */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Where the problem is, for a front end that points at it (the workspace's editor): null where unknown. */
    private final String file;
    private final long line;
    private final String field;
    private final String problem;

    public InputException(String file, long line, String field, String problem) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public InputException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.line = 0;
        this.field = null;
        this.problem = problem;
    }

    private static String format(String file, long line, String field, String problem) {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        if (field != null) {
            text.append(": ").append(field);
        }
        return text.append(": ").append(problem).toString();
    }

    /** Protected for {@link DatasetProblems}, which carries several. */
    protected InputException(String message) {
        super(message);
        this.file = null;
        this.line = 0;
        this.field = null;
        this.problem = message;
    }

    /** The file the problem is in, as its reader named it; null for several problems. */
    public String file() {
        return file;
    }

    /** The line, from 1; 0 for the whole file. */
    public long line() {
        return line;
    }

    /** The column or setting the problem is in; null for the whole row or file. */
    public String field() {
        return field;
    }

    /** What is wrong, without where: for a front end that shows it at the field. */
    public String problem() {
        return problem;
    }

    /** Each problem by itself: this one here, each of several for {@link DatasetProblems}. */
    public List<InputException> each() {
        return List.of(this);
    }

    /** Each problem as one line; one here, several for {@link DatasetProblems}. */
    public List<String> lines() {
        return List.of(getMessage());
    }
}
