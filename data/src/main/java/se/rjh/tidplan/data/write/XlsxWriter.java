package se.rjh.tidplan.data.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import se.rjh.tidplan.data.read.DatasetReader;
import se.rjh.tidplan.model.Activity;
import se.rjh.tidplan.model.Schedule;

/**
 * The calendar as an Excel workbook, the columns of the CSV: dates as real dates (Excel sorts and filters them
 * as dates), the moved days as a number, the header row bold and frozen, an autofilter on every column, and
 * column widths that fit their text.
 */
public final class XlsxWriter {

    private static final Set<String> DATE_COLUMNS = Set.of(DatasetReader.DATUM, "Baseline");
    private static final Set<String> NUMBER_COLUMNS = Set.of("Moved");
    /** Widest a column gets, in characters: the activity names wrap in Excel beyond it. */
    private static final int MAX_WIDTH = 80;

    private XlsxWriter() {
    }

    public static void write(Schedule schedule, Path target) {
        AtomicFile.write(target, out -> write(schedule, out));
    }

    public static byte[] bytes(Schedule schedule) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(schedule, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(Schedule schedule, OutputStream out) throws IOException {
        List<String> header = CalendarCsvWriter.HEADER;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Tidplan");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            int[] widths = new int[header.size()];
            Row top = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                top.createCell(c).setCellValue(header.get(c));
                top.getCell(c).setCellStyle(bold);
                widths[c] = header.get(c).length();
            }
            List<Activity> activities = CalendarCsvWriter.inCalendarOrder(schedule);
            for (int r = 0; r < activities.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> values = CalendarCsvWriter.calendarRow(activities.get(r));
                for (int c = 0; c < values.size(); c++) {
                    String value = values.get(c);
                    var cell = row.createCell(c);
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (DATE_COLUMNS.contains(header.get(c))) {
                        cell.setCellValue(LocalDate.parse(value));
                        cell.setCellStyle(date);
                    } else if (NUMBER_COLUMNS.contains(header.get(c))) {
                        cell.setCellValue(Long.parseLong(value));
                    } else {
                        cell.setCellValue(value);
                    }
                    widths[c] = Math.max(widths[c], value.length());
                }
            }
            for (int c = 0; c < header.size(); c++) {
                sheet.setColumnWidth(c, (Math.min(widths[c], MAX_WIDTH) + 2) * 256);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, activities.size(), 0, header.size() - 1));
            workbook.write(out);
        }
    }
}
