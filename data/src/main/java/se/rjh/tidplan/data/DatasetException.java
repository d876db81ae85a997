package se.rjh.tidplan.data;

import java.util.List;

/**
 * A problem in a dataset or calendar file, told as one line a user can act on:
 * {@code file:line: field: what is wrong}.
 */
public class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String field;

    public DatasetException(String file, long line, String field, String problem) {
        super(format(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public DatasetException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.line = 0;
        this.field = null;
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
    protected DatasetException(String message, List<DatasetException> problems) {
        super(message);
        DatasetException first = problems.get(0);
        this.file = first.file;
        this.line = first.line;
        this.field = first.field;
    }

    /** Each problem as one line; one here, several for {@link DatasetProblems}. */
    public List<String> lines() {
        return List.of(getMessage());
    }

    public String getFile() {
        return file;
    }

    public long getLine() {
        return line;
    }

    public String getField() {
        return field;
    }
}
