package se.rjh.tidplan.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import se.rjh.tidplan.data.Settings;
import se.rjh.tidplan.data.read.SpreadsheetCsv;
import se.rjh.tidplan.data.write.DatasetWriter;
import se.rjh.tidplan.model.Schedule;

/** Where and how a command that makes a dataset (import, rollforward, generate) writes it. */
public final class DatasetOutputOptions {

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The dataset directory to create.")
    private Path out;

    @Option(names = "--excel", description = "Write the CSV files for a Swedish Excel: UTF-8 with BOM, ';', CRLF.")
    private boolean excel;

    /** Writes the dataset (never over an existing directory) and returns where. */
    Path write(Settings settings, Schedule schedule) {
        DatasetWriter.write(settings, schedule, out, excel ? SpreadsheetCsv.Flavour.EXCEL : SpreadsheetCsv.Flavour.PLAIN);
        return out;
    }
}
