package se.rjh.tidplan.data.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import se.rjh.tidplan.data.InputException;

/**
 * An Excel workbook (.xlsx) holding the calendar's table on its first sheet, read as the CSV text Excel would
 * save: dates as yyyy-MM-dd whatever their cell format, everything else as Excel shows it. The calendar is then
 * read as any CSV, with its line numbers the sheet's row numbers.
 */
final class Workbook {

    private Workbook() {
    }

    static boolean isWorkbook(String file) {
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }

    static String asCsv(String file, InputStream in) {
        try (org.apache.poi.ss.usermodel.Workbook workbook = WorkbookFactory.create(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter shown = new DataFormatter();
            StringWriter text = new StringWriter();
            CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    cells.add(value(row.getCell(c), shown));
                }
                printer.printRecord(cells);
            }
            printer.flush();
            return text.toString();
        } catch (IOException | EncryptedDocumentException | IllegalArgumentException e) {
            throw new InputException(file, 0, null, "not a readable Excel workbook (.xlsx): " + e.getMessage());
        }
    }

    private static String value(Cell cell, DataFormatter shown) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return shown.formatCellValue(cell).trim();
    }
}
