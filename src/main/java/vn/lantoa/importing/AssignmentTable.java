package vn.lantoa.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.lantoa.shared.VietnameseText;

/**
 * Bảng phân công nhiệm vụ: the table many State plans put under "Tổ chức thực hiện" (or in an appendix) instead of
 * one heading per unit — "TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành".
 * Read cell by cell it makes no sense; read the way a person reads it, it is one list of tasks per lead unit. The
 * readers give such a table as that list, in the form the parser reads in any plan:
 *
 * <pre>
 * - Phòng Văn hóa và Thông tin:
 * + Xây dựng kế hoạch tuyên truyền (phối hợp: Trung tâm …); thời hạn: trước ngày 20/3/2026.
 * </pre>
 *
 * The columns are told by their headings (one or two header rows), not by their places; a table without a column of
 * tasks and a column of lead units is not an assignment table and is left alone. A lead cell left empty (a cell
 * merged with the one above) is the unit of the row above.
 */
final class AssignmentTable {

    private static final int NONE = -1;

    private AssignmentTable() {
    }

    /** One line of the list, and the row it comes from (1-based, header included). */
    record Item(String text, int row) {
    }

    /** The table as a list of units and their tasks, or null when it is not an assignment table. */
    static List<Item> read(List<List<String>> rows) {
        if (rows.size() < 2) {
            return null;
        }
        // the header: one row, or two where the second names the parts of a cell above ("Chủ trì", "Phối hợp")
        List<String> header = new ArrayList<>(rows.get(0));
        int headerRows = 1;
        if (rows.size() > 2 && secondHeader(rows.get(1)) && rows.get(1).size() == header.size()) {
            for (int c = 0; c < header.size(); c++) {
                if (!rows.get(1).get(c).isBlank()) {
                    header.set(c, rows.get(1).get(c));
                }
            }
            headerRows = 2;
        }
        int[] columns = {NONE, NONE, NONE, NONE}; // task, lead, with, time
        for (int c = 0; c < header.size(); c++) {
            int role = role(VietnameseText.fold(header.get(c)));
            if (role != NONE && columns[role] == NONE) {
                columns[role] = c;
            }
        }
        if (columns[0] == NONE || columns[1] == NONE || columns[0] == columns[1]) {
            return null;
        }
        Map<String, List<String>> tasks = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new LinkedHashMap<>();
        String lead = null;
        for (int r = headerRows; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String task = clean(cell(row, columns[0]));
            String unit = clean(cell(row, columns[1]));
            if (!unit.isEmpty()) {
                lead = unit;
            }
            if (task.isEmpty() || lead == null) {
                continue;
            }
            StringBuilder line = new StringBuilder(trimEnd(task));
            String with = clean(cell(row, columns[2]));
            if (!with.isEmpty()) {
                line.append(" (phối hợp: ").append(trimEnd(with)).append(')');
            }
            String time = clean(cell(row, columns[3]));
            if (!time.isEmpty()) {
                line.append("; thời hạn: ").append(trimEnd(time));
            }
            line.append('.');
            tasks.computeIfAbsent(lead, k -> new ArrayList<>()).add(line.toString());
            firstRow.putIfAbsent(lead, r + 1);
        }
        if (tasks.isEmpty()) {
            return null;
        }
        List<Item> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> unit : tasks.entrySet()) {
            int row = firstRow.get(unit.getKey());
            out.add(new Item("- " + trimEnd(unit.getKey()) + ":", row));
            for (String task : unit.getValue()) {
                out.add(new Item("+ " + upperFirst(task), row));
            }
        }
        return out;
    }

    /** What a header cell names: 0 the task, 1 the lead unit, 2 the units that help, 3 the deadline; -1 else. */
    private static int role(String f) {
        if (f.isEmpty() || f.length() > 60) {
            return NONE;
        }
        if (f.contains("phoi hop")) {
            return 2;
        }
        if (f.contains("chu tri") || f.contains("don vi thuc hien") || f.contains("co quan thuc hien")
                || f.contains("don vi thuc hien") || f.equals("trach nhiem") || f.contains("don vi phu trach")
                || f.contains("co quan phu trach") || f.startsWith("don vi") && !f.contains("tinh")) {
            return 1;
        }
        if (f.contains("noi dung") || f.contains("nhiem vu") || f.contains("cong viec") || f.contains("hoat dong")) {
            return 0;
        }
        if (f.contains("thoi gian") || f.contains("thoi han") || f.contains("tien do") || f.contains("han hoan thanh")) {
            return 3;
        }
        return NONE;
    }

    /** A second header row: "Chủ trì | Phối hợp" under a cell "Cơ quan thực hiện". */
    private static boolean secondHeader(List<String> row) {
        int roles = 0;
        for (String c : row) {
            roles += role(VietnameseText.fold(c)) != NONE ? 1 : 0;
        }
        return roles >= 2;
    }

    private static String cell(List<String> row, int column) {
        return column == NONE || column >= row.size() ? "" : row.get(column);
    }

    private static String clean(String cell) {
        return cell == null ? "" : SPACES.matcher(cell).replaceAll(" ").strip();
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** Without the punctuation a cell ends with (the list adds its own). */
    private static String trimEnd(String text) {
        int end = text.length();
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || ".;,:".indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String upperFirst(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
