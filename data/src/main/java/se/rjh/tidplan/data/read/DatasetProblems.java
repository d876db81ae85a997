package se.rjh.tidplan.data.read;

import java.util.List;

import se.rjh.tidplan.data.InputException;

/** Every problem found in a dataset at once, so that one round of fixing in Excel fixes them all. */
public final class DatasetProblems extends InputException {

    private static final long serialVersionUID = 1L;

    private final transient List<InputException> problems;

    public DatasetProblems(List<InputException> problems) {
        super(String.join("\n", problems.stream().map(InputException::getMessage).toList()));
        this.problems = List.copyOf(problems);
    }

    @Override
    public List<InputException> each() {
        return problems;
    }

    @Override
    public List<String> lines() {
        return problems.stream().map(InputException::getMessage).toList();
    }
}
