package vn.lantoa.organization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.lantoa.shared.Problem;
import vn.lantoa.shared.VietnameseText;

/**
 * Reads a bulk-load file of units into rows of text, nothing more: a CSV file (UTF-8, with or without a byte-order
 * mark, comma or semicolon separated, a header row) or an XLSX workbook (its first sheet, a header row). Columns are
 * found by their header, in English or Vietnamese, with or without diacritics:
 *
 * <table>
 * <tr><th>column</th><th>also</th><th></th></tr>
 * <tr><td>key</td><td>khóa</td><td>a key of the row inside the file, to name it as a parent (default: its short
 * name)</td></tr>
 * <tr><td>parent</td><td>cấp trên, đơn vị cấp trên</td><td>a key in the file, "#id" of an existing unit, or the short
 * name of an existing unit</td></tr>
 * <tr><td>code</td><td>ký hiệu</td><td>the code in document symbols</td></tr>
 * <tr><td>short_name</td><td>tên ngắn, tên viết tắt</td><td></td></tr>
 * <tr><td>name</td><td>tên, tên đầy đủ</td><td>required</td></tr>
 * <tr><td>kind</td><td>loại</td><td>required</td></tr>
 * <tr><td>system</td><td>hệ thống</td><td>default: the kind's usual one</td></tr>
 * <tr><td>valid_from</td><td>hiệu lực từ, từ ngày</td><td>dd/MM/yyyy or yyyy-MM-dd; default: today</td></tr>
 * </table>
 *
 * <p>A cell is taken as the text it shows: a formula ("=HYPERLINK(…)") is kept as its text and never evaluated.
 * Zip bombs are refused by POI's {@code ZipSecureFile} limits (inflation ratio, entry size, entry count), and files
 * above {@link #MAX_BYTES} or {@link #MAX_ROWS} rows are refused before any row is read.
 */
final class UnitFiles {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UnitFiles.class);

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 20_000;

    /**
     * The most an XLSX package may inflate to, all parts together: 20,000 rows of eight columns are about 12 MB of
     * XML, so 30 MB is generous, and it bounds what a 5 MB upload may cost in memory (POI keeps every part of a
     * package read from a stream in memory, and its inflation-ratio check, 1:100, alone would allow 500 MB).
     */
    static final long MAX_XLSX_INFLATED_BYTES = 30L * 1024 * 1024;

    private static final Map<String, String> HEADERS = new HashMap<>();

    static {
        // POI's limits are global: only ever tighten them here, never loosen what another reader set
        if (ZipSecureFile.getMaxEntrySize() > MAX_XLSX_INFLATED_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_XLSX_INFLATED_BYTES);
        }
        if (ZipSecureFile.getMinInflateRatio() < 0.01) {
            ZipSecureFile.setMinInflateRatio(0.01);
        }
        alias("key", "key", "khoa", "ma dong");
        alias("parent", "parent", "cap tren", "don vi cap tren", "truc thuoc");
        alias("code", "code", "ky hieu", "ma ky hieu");
        alias("short_name", "short name", "short_name", "ten ngan", "ten viet tat", "ten goi tat");
        alias("name", "name", "ten", "ten day du", "ten don vi");
        alias("kind", "kind", "loai", "loai don vi");
        alias("system", "system", "he thong");
        alias("valid_from", "valid from", "valid_from", "hieu luc tu", "tu ngay", "ngay hieu luc");
    }

    private static void alias(String column, String... names) {
        for (String name : names) {
            HEADERS.put(VietnameseText.fold(name), column);
        }
    }

    private UnitFiles() {
    }

    static List<UnitBulkLoader.Row> read(String filename, byte[] content) {
        if (content == null || content.length == 0) {
            throw Problem.unprocessable("BULK_FILE_EMPTY", "Tệp tải lên không có dữ liệu.");
        }
        if (content.length > MAX_BYTES) {
            throw Problem.unprocessable("BULK_FILE_TOO_LARGE", "Tệp quá lớn: tối đa {0}.",
                    MAX_BYTES / 1024 / 1024 + " MB");
        }
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        List<UnitBulkLoader.Row> rows;
        if (startsWith(content, 0x50, 0x4B, 0x03, 0x04)) {
            rows = readXlsx(content);
        } else if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0) || name.endsWith(".xls")) {
            throw Problem.unprocessable("BULK_FILE_TYPE",
                    "Không đọc được tệp Excel 97-2003 (.xls): hãy lưu thành .xlsx hoặc .csv.");
        } else {
            rows = readCsv(content);
        }
        if (rows.isEmpty()) {
            throw Problem.unprocessable("BULK_FILE_EMPTY", "Tệp tải lên không có dữ liệu.");
        }
        return rows;
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------------ CSV

    private static List<UnitBulkLoader.Row> readCsv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw UnitProblems.bulkUnreadable("tệp CSV phải được lưu với bảng mã UTF-8.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        String headerLine = text.substring(0, firstLineEnd);
        char delimiter = headerLine.indexOf(';') >= 0 && headerLine.indexOf(',') < 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        List<UnitBulkLoader.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> columns = null;
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (columns == null) {
                    columns = columns(values);
                    continue;
                }
                if (values.stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw tooManyRows();
                }
                // the record number counts the header as record 1, as a spreadsheet numbers rows
                rows.add(row((int) record.getRecordNumber(), columns, values));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            log.info("Unreadable CSV unit file: {}", e.getMessage());
            throw UnitProblems.bulkUnreadable("tệp CSV sai định dạng (có thể do dấu ngoặc kép không khớp).");
        }
        return rows;
    }

    // ----------------------------------------------------------------------------------------------------- XLSX

    private static List<UnitBulkLoader.Row> readXlsx(byte[] content) {
        checkInflatedSize(content);
        List<UnitBulkLoader.Row> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                return rows;
            }
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS + 1) {
                throw tooManyRows();
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Map<String, Integer> columns = null;
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    values.add(text(row.getCell(c), formatter));
                }
                if (columns == null) {
                    if (values.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    columns = columns(values);
                    continue;
                }
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw tooManyRows();
                }
                rows.add(row(row.getRowNum() + 1, columns, values));
            }
        } catch (Problem p) {
            throw p;
        } catch (IOException | RuntimeException e) {
            // POI reports a zip bomb, a broken package or a missing part as one of these; its words stay in the log
            log.info("Unreadable XLSX unit file: {}", e.getMessage());
            boolean bomb = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("zip bomb");
            throw UnitProblems.bulkUnreadable(bomb
                    ? "tệp nén bất thường, vượt giới hạn an toàn (nghi là zip bomb)."
                    : "tệp XLSX bị hỏng hoặc không phải bảng tính Excel.");
        }
        return rows;
    }

    /**
     * Inflates the package once, into nothing, to count what it really holds (the sizes a zip declares may lie):
     * more than {@link #MAX_XLSX_INFLATED_BYTES} in all is refused before POI keeps any of it in memory.
     */
    private static void checkInflatedSize(byte[] content) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            while (zip.getNextEntry() != null) {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_XLSX_INFLATED_BYTES) {
                        throw UnitProblems.bulkUnreadable(
                                "tệp nén bất thường, vượt giới hạn an toàn (nghi là zip bomb).");
                    }
                }
            }
        } catch (IOException e) {
            log.info("Unreadable XLSX unit file: {}", e.getMessage());
            throw UnitProblems.bulkUnreadable("tệp XLSX bị hỏng hoặc không phải bảng tính Excel.");
        }
    }

    /** The text a cell shows; a formula stays its text ("=HYPERLINK(…)"), never its value. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        return switch (type) {
            case FORMULA -> "=" + cell.getCellFormula();
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : formatter.formatCellValue(cell);
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
    }

    // ------------------------------------------------------------------------------------------------ columns

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = HEADERS.get(VietnameseText.fold(header.get(i)));
            if (column != null && columns.putIfAbsent(column, i) != null) {
                throw UnitProblems.bulkUnreadable("cột \"" + header.get(i) + "\" xuất hiện hai lần.");
            }
        }
        if (!columns.containsKey("name")) {
            throw UnitProblems.bulkUnreadable(
                    "dòng đầu phải là dòng tiêu đề, có ít nhất cột \"name\" (tên) và \"kind\" (loại).");
        }
        if (!columns.containsKey("kind")) {
            throw UnitProblems.bulkUnreadable("thiếu cột \"kind\" (loại đơn vị).");
        }
        return columns;
    }

    private static UnitBulkLoader.Row row(int number, Map<String, Integer> columns, List<String> values) {
        return new UnitBulkLoader.Row(number, value(columns, values, "key"), value(columns, values, "parent"),
                value(columns, values, "code"), value(columns, values, "short_name"), value(columns, values, "name"),
                value(columns, values, "kind"), value(columns, values, "system"),
                value(columns, values, "valid_from"));
    }

    private static String value(Map<String, Integer> columns, List<String> values, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= values.size() || values.get(index) == null) {
            return "";
        }
        return VietnameseText.nfc(values.get(index)).strip();
    }

    private static Problem tooManyRows() {
        return Problem.unprocessable("BULK_FILE_TOO_LARGE", "Tệp quá lớn: tối đa {0}.", MAX_ROWS + " dòng");
    }
}
