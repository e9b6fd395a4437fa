package vn.lantoa.activity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.lantoa.planformat.ChannelKind;
import vn.lantoa.shared.Problem;
import vn.lantoa.shared.VietnameseText;

/**
 * Mẫu nhập nhiều hoạt động: the XLSX template the system gives out for a plan, and the reading of a filled one.
 *
 * <p>The sheet "Hoạt động" has one activity per row under a header row: the fixed columns {@link #FIXED}, then one
 * column per active indicator of the catalogue, headed "Hình thức: Chỉ tiêu (đơn vị tính) [mã]" (the code in brackets
 * is what the reader goes by). The hidden sheet "Danh mục" holds the lists of the drop-downs (channels, the plan's
 * phases and tasks) and the plan's id. Data validation: channels from the list, dates between 01/01/2000 and
 * 31/12/2100, quantities whole and not negative.
 *
 * <p>Reading is defensive (RELIABILITY.md, hostile inputs): at most {@link #MAX_BYTES} bytes, the package inflated
 * once into nothing first (at most {@link #MAX_INFLATED_BYTES} in all, {@link #MAX_ENTRIES} parts) before POI keeps
 * anything in memory, at most {@link #MAX_ROWS} rows; a formula is never evaluated: in a text column it is kept as its
 * text ("=HYPERLINK(…)" stays those characters), elsewhere the row is refused.
 */
final class ActivityWorkbook {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final long MAX_INFLATED_BYTES = 20L * 1024 * 1024;
    static final int MAX_ENTRIES = 200;
    static final int MAX_ROWS = 1_000;

    static final String SHEET = "Hoạt động";
    static final String LISTS = "Danh mục";
    static final String HELP = "Hướng dẫn";
    static final String MARK = "lantoa.activities/1";

    /** The fixed columns, in order: key and header. */
    static final List<String[]> FIXED = List.of(
            new String[] {"title", "Tên hoạt động (*)"},
            new String[] {"startsOn", "Ngày bắt đầu (*) (dd/MM/yyyy)"},
            new String[] {"endsOn", "Ngày kết thúc (dd/MM/yyyy)"},
            new String[] {"channel", "Hình thức tuyên truyền (*)"},
            new String[] {"phase", "Đợt"},
            new String[] {"task", "Nhiệm vụ"},
            new String[] {"place", "Địa điểm"},
            new String[] {"description", "Mô tả"});

    private static final Pattern CODE = Pattern.compile("\\[([a-z][a-z0-9_]{1,59})]\\s*$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    /** A date cell read as text (for a text column), written the way the sheet asks dates to be typed. */
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static {
        // POI's limits are global: only ever tighten them here, never loosen what another reader set
        if (ZipSecureFile.getMaxEntrySize() > MAX_INFLATED_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_INFLATED_BYTES);
        }
        if (ZipSecureFile.getMinInflateRatio() < 0.01) {
            ZipSecureFile.setMinInflateRatio(0.01);
        }
    }

    private ActivityWorkbook() {
    }

    /** A row's error: the sheet's row number (as Excel shows it), the column's header, what is wrong. */
    record RowError(int row, String column, String detail) {
    }

    /** A read row: its number, the activity, and the header of each field's column (to name it in errors). */
    record Read(int row, NewActivity activity) {
    }

    /** What a filled template holds: the rows, or the errors of every wrong row. */
    record Content(long planId, List<Read> rows, List<RowError> errors, Map<String, String> columns) {
    }

    // ------------------------------------------------------------------------------------------------- template

    /**
     * The template for a plan.
     *
     * @param channelName the Vietnamese name of a channel
     */
    static byte[] template(long planId, String planName, List<String> phases, List<String> tasks,
            List<Indicator> indicators, Function<ChannelKind, String> channelName) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(SHEET);
            Sheet help = wb.createSheet(HELP);
            Sheet lists = wb.createSheet(LISTS);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setWrapText(true);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));

            Row header = sheet.createRow(0);
            int c = 0;
            for (String[] f : FIXED) {
                Cell cell = header.createCell(c);
                cell.setCellValue(f[1]);
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, (f[0].equals("title") || f[0].equals("task") || f[0].equals("description")
                        ? 40 : 18) * 256);
                c++;
            }
            for (Indicator i : indicators) {
                Cell cell = header.createCell(c);
                cell.setCellValue(channelName.apply(i.channel()) + ": " + i.name() + " (" + i.unitLabel() + ") ["
                        + i.code() + "]");
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, 22 * 256);
                c++;
            }
            int lastColumn = c - 1;
            sheet.createFreezePane(1, 1);
            for (int col = 0; col <= lastColumn; col++) {
                if (col == 1 || col == 2) {
                    sheet.setDefaultColumnStyle(col, date);
                } else if (col < FIXED.size()) {
                    sheet.setDefaultColumnStyle(col, text);
                }
            }

            // the lists of the drop-downs, and the plan this template belongs to
            List<String> channels = new ArrayList<>();
            for (ChannelKind k : ChannelKind.values()) {
                channels.add(channelName.apply(k));
            }
            column(lists, 0, channels);
            column(lists, 1, phases);
            column(lists, 2, tasks);
            cell(lists, 0, 3).setCellValue(MARK);
            cell(lists, 1, 3).setCellValue(planId);
            wb.setSheetHidden(wb.getSheetIndex(lists), true);

            DataValidationHelper dv = sheet.getDataValidationHelper();
            int rows = MAX_ROWS;
            list(sheet, dv, "'" + LISTS + "'!$A$1:$A$" + channels.size(), 3, rows, true,
                    "Hãy chọn hình thức tuyên truyền trong danh sách.");
            if (!phases.isEmpty()) {
                list(sheet, dv, "'" + LISTS + "'!$B$1:$B$" + phases.size(), 4, rows, false, null);
            }
            if (!tasks.isEmpty()) {
                list(sheet, dv, "'" + LISTS + "'!$C$1:$C$" + tasks.size(), 5, rows, false, null);
            }
            DataValidationConstraint days = dv.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "DATE(2000,1,1)", "DATE(2100,12,31)", "dd/mm/yyyy");
            DataValidation dates = dv.createValidation(days, new CellRangeAddressList(1, rows, 1, 2));
            dates.setShowErrorBox(true);
            dates.createErrorBox("Ngày không hợp lệ", "Hãy nhập ngày dạng dd/MM/yyyy.");
            sheet.addValidationData(dates);
            if (lastColumn >= FIXED.size()) {
                DataValidationConstraint whole = dv.createIntegerConstraint(
                        DataValidationConstraint.OperatorType.BETWEEN, "0", "1000000000");
                DataValidation quantities = dv.createValidation(whole,
                        new CellRangeAddressList(1, rows, FIXED.size(), lastColumn));
                quantities.setShowErrorBox(true);
                quantities.createErrorBox("Số lượng không hợp lệ", "Hãy nhập số nguyên không âm.");
                sheet.addValidationData(quantities);
            }

            String[] guide = {
                "Mẫu nhập nhiều hoạt động — " + planName,
                "Mỗi dòng của trang \"" + SHEET + "\" là một hoạt động đã thực hiện; dòng đầu là tiêu đề, đừng sửa.",
                "Cột có dấu (*) là bắt buộc. Ngày ghi dạng dd/MM/yyyy (ví dụ 10/02/2025).",
                "Hình thức tuyên truyền chọn trong danh sách; chỉ điền số lượng vào các cột chỉ tiêu của đúng hình "
                        + "thức đó.",
                "Số lượng là số nguyên không âm. Không dùng công thức.",
                "Tải lên: trang Hoạt động → Nhập từ Excel. Nếu có dòng sai, hệ thống báo từng dòng, từng cột và "
                        + "không ghi nhận dòng nào; sửa rồi tải lên lại.",
                "Minh chứng (ảnh, tệp) bổ sung sau cho từng hoạt động.",
            };
            for (int i = 0; i < guide.length; i++) {
                cell(help, i, 0).setCellValue(guide[i]);
            }
            help.setColumnWidth(0, 120 * 256);
            wb.setActiveSheet(0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void column(Sheet sheet, int col, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            cell(sheet, i, col).setCellValue(values.get(i));
        }
    }

    private static Cell cell(Sheet sheet, int row, int col) {
        Row r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        return r.getCell(col) != null ? r.getCell(col) : r.createCell(col);
    }

    private static void list(Sheet sheet, DataValidationHelper dv, String range, int col, int rows, boolean strict,
            String error) {
        DataValidation v = dv.createValidation(dv.createFormulaListConstraint(range),
                new CellRangeAddressList(1, rows, col, col));
        v.setShowErrorBox(strict);
        if (strict) {
            v.createErrorBox("Giá trị không hợp lệ", error);
        }
        sheet.addValidationData(v);
    }

    // ------------------------------------------------------------------------------------------------- reading

    /**
     * Reads a filled template.
     *
     * @param channelOf the channel of a name as the template writes it (or of a code), null when unknown
     * @param indicator the catalogue's indicator of a code, null when unknown
     */
    static Content read(byte[] content, long planId, Function<String, ChannelKind> channelOf,
            Function<String, Indicator> indicator) {
        if (content == null || content.length == 0) {
            throw Problem.unprocessable("ACTIVITY_BULK_FILE_EMPTY", "Tệp tải lên không có dữ liệu.");
        }
        if (content.length > MAX_BYTES) {
            throw new Problem(413, "ACTIVITY_BULK_FILE_TOO_LARGE", "Tệp quá lớn: tối đa {0} MB.", MAX_BYTES >> 20);
        }
        if (content.length < 4 || content[0] != 0x50 || content[1] != 0x4B || content[2] != 0x03
                || content[3] != 0x04) {
            throw new Problem(415, "ACTIVITY_BULK_FILE_TYPE",
                    "Tệp không phải bảng tính Excel .xlsx: hãy dùng mẫu tải về từ hệ thống.");
        }
        checkInflatedSize(content);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = wb.getSheet(SHEET);
            if (sheet == null) {
                throw notTemplate();
            }
            Sheet lists = wb.getSheet(LISTS);
            if (lists != null && lists.getRow(1) != null && lists.getRow(1).getCell(3) != null
                    && lists.getRow(1).getCell(3).getCellType() == CellType.NUMERIC
                    && (long) lists.getRow(1).getCell(3).getNumericCellValue() != planId) {
                throw Problem.unprocessable("ACTIVITY_BULK_WRONG_PLAN",
                        "Tệp là mẫu của một kế hoạch khác: hãy tải mẫu của kế hoạch này về và nhập vào đó.");
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw Problem.unprocessable("ACTIVITY_BULK_TOO_MANY_ROWS", "Tệp có quá nhiều dòng: tối đa {0} hoạt động "
                        + "mỗi lần.", MAX_ROWS);
            }
            return rows(sheet, planId, channelOf, indicator);
        } catch (Problem p) {
            throw p;
        } catch (IOException | RuntimeException e) {
            boolean bomb = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("zip bomb");
            throw bomb ? zipBomb() : Problem.unprocessable("ACTIVITY_BULK_FILE_UNREADABLE",
                    "Tệp XLSX bị hỏng hoặc không phải bảng tính Excel.");
        }
    }

    private static Content rows(Sheet sheet, long planId, Function<String, ChannelKind> channelOf,
            Function<String, Indicator> indicators) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        Row header = sheet.getRow(0);
        if (header == null) {
            throw notTemplate();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (int c = 0; c < FIXED.size(); c++) {
            String h = VietnameseText.fold(text(header.getCell(c), formatter));
            String expected = VietnameseText.fold(FIXED.get(c)[1]);
            if (!h.startsWith(expected.substring(0, Math.min(8, expected.length())))) {
                throw notTemplate();
            }
            columns.put(FIXED.get(c)[0], label(FIXED.get(c)[1]));
        }
        Map<Integer, Indicator> outputs = new LinkedHashMap<>();
        for (int c = FIXED.size(); c < Math.max(FIXED.size(), header.getLastCellNum()); c++) {
            String h = text(header.getCell(c), formatter);
            if (h.isBlank()) {
                continue;
            }
            Matcher m = CODE.matcher(h);
            Indicator i = m.find() ? indicators.apply(m.group(1)) : null;
            if (i == null) {
                throw Problem.unprocessable("ACTIVITY_BULK_COLUMN", "Cột \"{0}\" không phải chỉ tiêu trong danh mục: hãy "
                        + "tải mẫu mới về.", h.length() > 80 ? h.substring(0, 80) + "…" : h);
            }
            outputs.put(c, i);
            columns.put("outputs/" + i.code(), h.replaceAll("\\s*\\[[^\\]]*]\\s*$", ""));
        }
        List<Read> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(row, formatter)) {
                continue;
            }
            int number = r + 1;
            List<RowError> found = new ArrayList<>();
            String title = textColumn(row, 0, formatter);
            LocalDate starts = date(row.getCell(1), number, columns.get("startsOn"), found);
            LocalDate ends = date(row.getCell(2), number, columns.get("endsOn"), found);
            ChannelKind channel = null;
            Cell channelCell = row.getCell(3);
            if (channelCell != null && channelCell.getCellType() == CellType.FORMULA) {
                found.add(new RowError(number, columns.get("channel"), "Ô có công thức: hãy chọn giá trị trong danh "
                        + "sách."));
            } else {
                String name = text(channelCell, formatter).strip();
                if (name.isEmpty()) {
                    found.add(new RowError(number, columns.get("channel"), "Hãy chọn hình thức tuyên truyền."));
                } else {
                    channel = channelOf.apply(name);
                    if (channel == null) {
                        found.add(new RowError(number, columns.get("channel"), "Không có hình thức tuyên truyền \""
                                + cut(name) + "\": hãy chọn trong danh sách."));
                    }
                }
            }
            Map<String, Long> quantities = new LinkedHashMap<>();
            for (Map.Entry<Integer, Indicator> o : outputs.entrySet()) {
                Cell cell = row.getCell(o.getKey());
                String column = columns.get("outputs/" + o.getValue().code());
                Long q = quantity(cell, number, column, formatter, found);
                if (q == null || q == 0) {
                    continue;
                }
                if (channel != null && o.getValue().channel() != channel) {
                    found.add(new RowError(number, column, "Chỉ tiêu này thuộc hình thức khác với hình thức của "
                            + "hoạt động."));
                    continue;
                }
                quantities.put(o.getValue().code(), q);
            }
            if (title == null) {
                found.add(0, new RowError(number, columns.get("title"), "Hãy nhập tên hoạt động."));
            }
            if (starts == null && found.stream().noneMatch(e -> e.column().equals(columns.get("startsOn")))) {
                found.add(new RowError(number, columns.get("startsOn"), "Hãy nhập ngày bắt đầu (dd/MM/yyyy)."));
            }
            if (found.isEmpty()) {
                rows.add(new Read(number, new NewActivity(planId, title, channel.json(), starts, ends,
                        textColumn(row, 4, formatter), textColumn(row, 5, formatter),
                        textColumn(row, 6, formatter), textColumn(row, 7, formatter), false, quantities, List.of())));
            }
            errors.addAll(found);
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            throw Problem.unprocessable("ACTIVITY_BULK_FILE_EMPTY", "Tệp không có hoạt động nào (từ dòng 2 trở đi).");
        }
        return new Content(planId, rows, errors, columns);
    }

    private static boolean blank(Row row, DataFormatter formatter) {
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            if (!text(row.getCell(c), formatter).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A text column: what the cell shows; a formula stays its text, never evaluated. */
    private static String textColumn(Row row, int c, DataFormatter formatter) {
        String s = text(row.getCell(c), formatter).strip();
        return s.isEmpty() ? null : VietnameseText.nfc(s);
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case FORMULA -> "=" + cell.getCellFormula();
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().format(SHOWN)
                    : formatter.formatCellValue(cell);
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static LocalDate date(Cell cell, int row, String column, List<RowError> errors) {
        if (cell == null) {
            return null;
        }
        switch (cell.getCellType()) {
            case BLANK:
                return null;
            case NUMERIC:
                double v = cell.getNumericCellValue();
                if (!DateUtil.isValidExcelDate(v) || v != Math.floor(v)) {
                    errors.add(new RowError(row, column, "Ngày không hợp lệ (dd/MM/yyyy)."));
                    return null;
                }
                return DateUtil.getLocalDateTime(v).toLocalDate();
            case STRING:
                String s = cell.getStringCellValue().strip();
                if (s.isEmpty()) {
                    return null;
                }
                try {
                    return LocalDate.parse(s, DAY);
                } catch (DateTimeParseException e) {
                    errors.add(new RowError(row, column, "Ngày \"" + cut(s) + "\" không hợp lệ (dd/MM/yyyy)."));
                    return null;
                }
            case FORMULA:
                errors.add(new RowError(row, column, "Ô có công thức: hãy nhập ngày (dd/MM/yyyy)."));
                return null;
            default:
                errors.add(new RowError(row, column, "Ngày không hợp lệ (dd/MM/yyyy)."));
                return null;
        }
    }

    private static Long quantity(Cell cell, int row, String column, DataFormatter formatter,
            List<RowError> errors) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() == CellType.FORMULA) {
            errors.add(new RowError(row, column, "Ô có công thức: hãy nhập số."));
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            double v = cell.getNumericCellValue();
            if (v < 0 || v != Math.floor(v) || v > 1_000_000_000d) {
                errors.add(new RowError(row, column, "Số lượng phải là số nguyên từ 0 đến 1.000.000.000."));
                return null;
            }
            return (long) v;
        }
        String s = text(cell, formatter).strip().replace(".", "").replace(",", "").replace(" ", "");
        if (s.isEmpty()) {
            return null;
        }
        if (!s.matches("\\d{1,10}") || Long.parseLong(s) > 1_000_000_000L) {
            errors.add(new RowError(row, column, "\"" + cut(text(cell, formatter).strip())
                    + "\" không phải số nguyên từ 0 đến 1.000.000.000."));
            return null;
        }
        return Long.parseLong(s);
    }

    /**
     * Inflates the package once, into nothing, to count what it really holds (the sizes a zip declares may lie):
     * more than {@link #MAX_INFLATED_BYTES} in all, or more than {@link #MAX_ENTRIES} parts, is refused before POI
     * keeps any of it in memory.
     */
    private static void checkInflatedSize(byte[] content) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw zipBomb();
                }
                if (e.getName().toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
                    throw new Problem(415, "ACTIVITY_BULK_FILE_TYPE", "Tệp có macro: hãy dùng mẫu .xlsx tải về từ hệ thống.");
                }
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_INFLATED_BYTES) {
                        throw zipBomb();
                    }
                }
            }
        } catch (IOException e) {
            throw Problem.unprocessable("ACTIVITY_BULK_FILE_UNREADABLE", "Tệp XLSX bị hỏng hoặc không phải bảng tính Excel.");
        }
        if (entries == 0) {
            throw Problem.unprocessable("ACTIVITY_BULK_FILE_UNREADABLE", "Tệp XLSX bị hỏng hoặc không phải bảng tính Excel.");
        }
    }

    private static Problem zipBomb() {
        return Problem.unprocessable("ZIP_BOMB", "Tệp nén bất thường, vượt giới hạn an toàn (nghi là zip bomb).")
                .withMessageKey("activity.problem.bulk.ZIP_BOMB");
    }

    private static Problem notTemplate() {
        return Problem.unprocessable("ACTIVITY_BULK_TEMPLATE",
                "Tệp không theo mẫu nhập hoạt động của Lan Tỏa: hãy tải mẫu về và nhập vào đó.");
    }

    /** A header without the "(*)" and the date hint, to name the column in errors. */
    static String label(String header) {
        return header.replace(" (*)", "").replace(" (dd/MM/yyyy)", "");
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
