package se.rjh.tidplan.data.read;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as the finance staff open it. Plain: UTF-8, comma, LF. Excel: UTF-8 with BOM, semicolon, CRLF, so a
 * Swedish Excel opens it with å, ä and ö intact and the columns split. Either way a cell that begins with
 * {@code = + - @} and is not a number gets a leading apostrophe, so Excel shows it instead of running it
 * as a formula; {@link CsvTable} takes the apostrophe off again when tidplan reads the file back.
 */
public final class SpreadsheetCsv {

    /** Which CSV to write. */
    public enum Flavour { PLAIN, EXCEL }

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?");

    private SpreadsheetCsv() {
    }

    /** A printer for the flavour; with Excel the BOM is written first. */
    public static CSVPrinter printer(Writer writer, Flavour flavour) throws IOException {
        if (flavour == Flavour.EXCEL) {
            writer.write('\uFEFF');
            return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get());
        }
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
    }

    /** The cell made safe to open in a spreadsheet: formula-like text gets a leading apostrophe. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        boolean formulaLike = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formulaLike && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    /** Undoes {@link #neutralise} on a cell read back. */
    public static String restore(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
                && !NUMBER.matcher(cell.substring(1)).matches() ? cell.substring(1) : cell;
    }

    /** Prints a row with every cell neutralised. */
    public static void printRow(CSVPrinter printer, Iterable<?> cells) throws IOException {
        for (Object cell : cells) {
            printer.print(neutralise(cell == null ? "" : cell.toString()));
        }
        printer.println();
    }
}
