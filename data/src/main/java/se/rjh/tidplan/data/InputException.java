package se.rjh.tidplan.data;

import java.util.List;

/**
 * A problem in a dataset or calendar file, told as one line a user can act on:
 * {@code file:line: field: what is wrong}.
 */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InputException(String file, long line, String field, String problem) {
        super(format(file, line, field, problem));
    }

    public InputException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
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
    }

    /** Each problem as one line; one here, several for {@link DatasetProblems}. */
    public List<String> lines() {
        return List.of(getMessage());
    }
}
