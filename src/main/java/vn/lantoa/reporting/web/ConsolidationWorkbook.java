package vn.lantoa.reporting.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.lantoa.reporting.Consolidation;

/**
 * A consolidation as a workbook: one row per child unit (its report's state, its accepted figures and its live ones)
 * and the totals, one column per channel and indicator; a second sheet per level.
 */
final class ConsolidationWorkbook {

    private ConsolidationWorkbook() {
    }

    static void write(Consolidation c, OutputStream out) throws IOException {
        Map<String, String> columns = new LinkedHashMap<>();
        List<List<Consolidation.Line>> all = new ArrayList<>();
        all.add(c.live());
        c.children().forEach(ch -> all.add(ch.live()));
        for (List<Consolidation.Line> lines : all) {
            for (Consolidation.Line l : lines) {
                columns.putIfAbsent(l.channel() + "/" + l.indicator(), l.channel() + ": " + l.name());
            }
        }
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = book.createSheet("Tổng hợp");
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("Tổng hợp " + c.period().labelWithDays() + " — " + c.unitName());
            title.getCell(0).setCellStyle(bold);
            Row head = sheet.createRow(2);
            String[] fixed = {"Đơn vị", "Tình trạng báo cáo", "Số liệu"};
            for (int i = 0; i < fixed.length; i++) {
                head.createCell(i).setCellValue(fixed[i]);
                head.getCell(i).setCellStyle(bold);
            }
            int col = fixed.length;
            for (String name : columns.values()) {
                head.createCell(col).setCellValue(name);
                head.getCell(col++).setCellStyle(bold);
            }
            int r = 3;
            for (Consolidation.Child child : c.children()) {
                r = line(sheet, r, columns, child.unitName(), child.report().completionWords(), "Đã tiếp nhận",
                        child.accepted());
                r = line(sheet, r, columns, child.unitName(), child.report().completionWords(), "Đã ghi nhận",
                        child.live());
            }
            r = line(sheet, r + 1, columns, c.unitName(), "", "Hoạt động của đơn vị", c.own());
            r = line(sheet, r, columns, "Tổng", "", "Từ báo cáo đã tiếp nhận", c.accepted());
            r = line(sheet, r, columns, "Tổng", "", "Chưa có trong báo cáo được tiếp nhận", c.notYetReported());
            line(sheet, r, columns, "Tổng", "", "Toàn bộ đã ghi nhận", c.live());
            Sheet levels = book.createSheet("Theo cấp");
            Row lh = levels.createRow(0);
            lh.createCell(0).setCellValue("Cấp (độ sâu)");
            col = 1;
            for (String name : columns.values()) {
                lh.createCell(col++).setCellValue(name);
            }
            int lr = 1;
            for (Map.Entry<Integer, List<Consolidation.Line>> e : c.levels().entrySet()) {
                lr = line(levels, lr, columns, "Cấp " + e.getKey(), null, null, e.getValue());
            }
            sheet.setColumnWidth(0, 40 * 256);
            book.write(out);
        }
    }

    private static int line(Sheet sheet, int r, Map<String, String> columns, String unit, String state, String kind,
            List<Consolidation.Line> lines) {
        Row row = sheet.createRow(r);
        int c = 0;
        row.createCell(c++).setCellValue(unit);
        if (state != null) {
            row.createCell(c++).setCellValue(state);
            row.createCell(c++).setCellValue(kind);
        }
        Map<String, Long> values = new LinkedHashMap<>();
        lines.forEach(l -> values.put(l.channel() + "/" + l.indicator(), l.quantity()));
        for (String key : columns.keySet()) {
            row.createCell(c++).setCellValue(values.getOrDefault(key, 0L));
        }
        return r + 1;
    }
}
