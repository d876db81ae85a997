package se.rjh.tidplan.data.read;

import java.util.List;

/** Every problem found in a dataset at once, so that one round of fixing in Excel fixes them all. */
public final class DatasetProblems extends DatasetException {

    private static final long serialVersionUID = 1L;

    private final transient List<DatasetException> problems;

    public DatasetProblems(List<DatasetException> problems) {
        super(String.join("\n", problems.stream().map(DatasetException::getMessage).toList()));
        this.problems = List.copyOf(problems);
    }

    @Override
    public List<String> lines() {
        return problems.stream().map(DatasetException::getMessage).toList();
    }
}
