package vn.lantoa.organization;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lantoa.shared.Problem;
import vn.lantoa.shared.VietnameseText;

/**
 * Checks every row of a bulk load, then creates them all, parents first, or refuses the whole file with the list
 * of rejected rows (422 {@code BULK_REJECTED}). Called by {@link UnitManagement#bulkLoad} inside its transaction.
 *
 * <p>A row's parent is, in this order: a row of the same file whose key (or, without a key column, short name) it
 * names; an existing unit named "#id"; the one existing unit with that short name. A row that names no parent goes
 * under the default parent of the load, or becomes a root (system administrators only). Rows are rejected for: a
 * missing name or kind, an unknown kind or system, a bad code or date, a key used twice, a parent that does not exist
 * or is ambiguous or closed or outside the actor's subtree, and a cycle of parents inside the file.
 */
final class UnitBulkLoader {

    /** One row of a file, as text, with its row number as the spreadsheet shows it. */
    record Row(int number, String key, String parent, String code, String shortName, String name, String kind,
            String system, String validFrom) {
    }

    private static final Pattern ID_REFERENCE = Pattern.compile("#\\s*(\\d{1,18})");

    private static final Map<String, UnitKind> KINDS = new HashMap<>();
    private static final Map<String, UnitSystem> SYSTEMS = new HashMap<>();

    static {
        for (UnitKind kind : UnitKind.values()) {
            KINDS.put(VietnameseText.fold(kind.name()), kind);
        }
        kind(UnitKind.PARTY_COMMITTEE, "cap uy", "dang uy", "tinh uy", "thanh uy", "huyen uy", "dang bo");
        kind(UnitKind.PARTY_BOARD, "ban dang", "ban cua cap uy", "ban xay dung dang");
        kind(UnitKind.PEOPLES_COMMITTEE, "uy ban nhan dan", "ubnd", "chinh quyen");
        kind(UnitKind.SPECIALISED_OFFICE, "co quan chuyen mon", "phong ban", "so nganh", "phong", "so");
        kind(UnitKind.POLICE, "cong an");
        kind(UnitKind.FATHERLAND_FRONT, "mat tran", "mat tran to quoc", "uy ban mat tran to quoc", "mttq");
        kind(UnitKind.MASS_ORGANIZATION, "doan the", "to chuc chinh tri xa hoi", "hoi", "doan");
        kind(UnitKind.SCHOOL, "truong hoc", "truong");
        kind(UnitKind.RESIDENTIAL_GROUP, "to dan pho", "thon", "khu dan cu", "khu pho", "ap", "ban");
        kind(UnitKind.PARTY_CELL, "chi bo");
        kind(UnitKind.OTHER, "khac");
        for (UnitSystem system : UnitSystem.values()) {
            SYSTEMS.put(VietnameseText.fold(system.name()), system);
        }
        system(UnitSystem.PARTY, "dang");
        system(UnitSystem.STATE, "nha nuoc", "chinh quyen");
        system(UnitSystem.FRONT, "mat tran", "mat tran doan the", "doan the", "mat tran va doan the");
        system(UnitSystem.OTHER, "khac");
    }

    private static void kind(UnitKind kind, String... names) {
        for (String name : names) {
            KINDS.put(name, kind);
        }
    }

    private static void system(UnitSystem system, String... names) {
        for (String name : names) {
            SYSTEMS.put(name, system);
        }
    }

    private final UnitManagement management;
    private final Units units;

    UnitBulkLoader(UnitManagement management, Units units) {
        this.management = management;
        this.units = units;
    }

    /** A row that passed every check, with where it goes. */
    private static final class Checked {
        final Row row;
        final UnitManagement.Fields fields;
        final LocalDate validFrom;
        final Unit parentUnit;
        Long id;
        String path;
        int depth;

        Checked(Row row, UnitManagement.Fields fields, LocalDate validFrom, Unit parentUnit) {
            this.row = row;
            this.fields = fields;
            this.validFrom = validFrom;
            this.parentUnit = parentUnit;
        }
    }

    BulkLoadResult load(UnitActor actor, List<Row> rows, Long defaultParentId) {
        Unit defaultParent = defaultParentId == null ? null : units.get(defaultParentId);
        if (defaultParent != null && !management.mayCreateUnder(actor, defaultParent)) {
            throw UnitProblems.forbidden();
        }
        if (defaultParent != null && defaultParent.closed()) {
            throw UnitProblems.closed(defaultParent);
        }
        List<RejectedRow> rejected = new ArrayList<>();

        // keys first, so that a row may name a parent that comes later in the file
        Map<String, Row> byKey = new LinkedHashMap<>();
        Set<Integer> duplicate = new HashSet<>();
        for (Row row : rows) {
            String key = keyOf(row);
            if (key.isEmpty()) {
                continue;
            }
            Row first = byKey.putIfAbsent(key, row);
            if (first != null) {
                duplicate.add(row.number());
                rejected.add(new RejectedRow(row.number(),
                        "Khóa \"" + display(row) + "\" trùng với dòng " + first.number() + "."));
            }
        }

        // each row on its own
        Map<Integer, UnitManagement.Fields> fields = new HashMap<>();
        Map<Integer, LocalDate> dates = new HashMap<>();
        Map<Integer, Row> parentRows = new HashMap<>();
        Map<Integer, Unit> parentUnits = new HashMap<>();
        for (Row row : rows) {
            if (duplicate.contains(row.number())) {
                continue;
            }
            String reason = checkRow(actor, row, byKey, defaultParent, fields, dates, parentRows, parentUnits);
            if (reason != null) {
                rejected.add(new RejectedRow(row.number(), reason));
            }
        }

        // cycles of parents inside the file
        for (Row row : rows) {
            Set<Integer> seen = new HashSet<>();
            Row at = row;
            while (at != null && seen.add(at.number())) {
                at = parentRows.get(at.number());
            }
            if (at != null && at.number() == row.number()) {
                rejected.add(new RejectedRow(row.number(), "Vòng lặp cấp trên: đơn vị \"" + display(row)
                        + "\" nằm dưới chính nó qua các dòng trong tệp."));
            }
        }

        if (!rejected.isEmpty()) {
            rejected.sort(Comparator.comparingInt(RejectedRow::row));
            throw UnitProblems.bulkRejected(rejected);
        }

        Map<Integer, Checked> all = new LinkedHashMap<>();
        for (Row row : rows) {
            all.put(row.number(), new Checked(row, fields.get(row.number()), dates.get(row.number()),
                    parentUnits.get(row.number())));
        }
        List<Long> ids = new ArrayList<>();
        for (Checked c : all.values()) {
            ids.add(insert(c, all, parentRows));
        }
        return new BulkLoadResult(List.copyOf(ids));
    }

    /** Inserts a row after its parent row (recursively), once. */
    private long insert(Checked c, Map<Integer, Checked> all, Map<Integer, Row> parentRows) {
        if (c.id != null) {
            return c.id;
        }
        Long parentId;
        String parentPath;
        int parentDepth;
        Row parentRow = parentRows.get(c.row.number());
        if (parentRow != null) {
            Checked parent = all.get(parentRow.number());
            insert(parent, all, parentRows);
            parentId = parent.id;
            parentPath = parent.path;
            parentDepth = parent.depth;
        } else if (c.parentUnit != null) {
            parentId = c.parentUnit.id();
            parentPath = c.parentUnit.path();
            parentDepth = c.parentUnit.depth();
        } else {
            parentId = null;
            parentPath = "/";
            parentDepth = -1;
        }
        c.id = management.insert(parentId, parentPath, parentDepth, c.fields, c.validFrom);
        c.path = parentPath + c.id + "/";
        c.depth = parentDepth + 1;
        return c.id;
    }

    /** Checks one row; returns why it is rejected, or null. */
    private String checkRow(UnitActor actor, Row row, Map<String, Row> byKey, Unit defaultParent,
            Map<Integer, UnitManagement.Fields> fields, Map<Integer, LocalDate> dates, Map<Integer, Row> parentRows,
            Map<Integer, Unit> parentUnits) {
        UnitKind kind = null;
        if (!row.kind().isBlank()) {
            kind = KINDS.get(VietnameseText.fold(row.kind()));
            if (kind == null) {
                return "Loại đơn vị \"" + row.kind() + "\" không hợp lệ.";
            }
        }
        UnitSystem system = null;
        if (!row.system().isBlank()) {
            system = SYSTEMS.get(VietnameseText.fold(row.system()));
            if (system == null) {
                return "Hệ thống \"" + row.system() + "\" không hợp lệ (Đảng, Nhà nước, Mặt trận, Khác).";
            }
        }
        try {
            fields.put(row.number(), management.fields(row.name(), row.shortName(), row.code(), kind, system));
        } catch (Problem p) {
            return p.defaultMessage();
        }
        LocalDate validFrom;
        try {
            validFrom = management.effective(date(row.validFrom()));
        } catch (DateTimeParseException e) {
            return "Ngày hiệu lực \"" + row.validFrom() + "\" không đúng dạng dd/MM/yyyy.";
        } catch (Problem p) {
            return p.defaultMessage();
        }
        dates.put(row.number(), validFrom);

        String parent = row.parent();
        if (parent.isBlank()) {
            if (defaultParent != null) {
                parentUnits.put(row.number(), defaultParent);
                return null;
            }
            return management.mayCreateUnder(actor, null) ? null
                    : "Chưa ghi đơn vị cấp trên (chỉ quản trị hệ thống được tạo đơn vị gốc).";
        }
        Row parentRow = byKey.get(VietnameseText.fold(parent));
        if (parentRow != null) {
            if (parentRow.number() == row.number()) {
                return "Vòng lặp cấp trên: đơn vị \"" + display(row) + "\" ghi chính nó là cấp trên.";
            }
            parentRows.put(row.number(), parentRow);
            return null;
        }
        Unit existing;
        Matcher id = ID_REFERENCE.matcher(parent);
        if (id.matches()) {
            existing = units.byId(Long.parseLong(id.group(1))).orElse(null);
            if (existing == null) {
                return "Không tìm thấy đơn vị cấp trên \"" + parent + "\".";
            }
        } else {
            List<Unit> found = units.withShortName(parent, false);
            if (found.isEmpty()) {
                return units.withShortName(parent, true).isEmpty()
                        ? "Không tìm thấy đơn vị cấp trên \"" + parent + "\" (trong tệp hoặc trong hệ thống)."
                        : "Đơn vị cấp trên \"" + parent + "\" đã giải thể hoặc sáp nhập.";
            }
            if (found.size() > 1) {
                return "Có " + found.size() + " đơn vị tên \"" + parent
                        + "\": hãy ghi cấp trên bằng mã số, ví dụ #" + found.get(0).id() + ".";
            }
            existing = found.get(0);
        }
        if (existing.closed()) {
            return "Đơn vị cấp trên \"" + existing.shortName() + "\" đã giải thể hoặc sáp nhập.";
        }
        if (!management.mayCreateUnder(actor, existing)) {
            return "Đơn vị cấp trên \"" + existing.shortName() + "\" nằm ngoài phạm vi quản lý của bạn.";
        }
        parentUnits.put(row.number(), existing);
        return null;
    }

    /** The key a row is known by inside the file: its key column, or else its short name, or else its name. */
    private static String keyOf(Row row) {
        String key = !row.key().isBlank() ? row.key() : !row.shortName().isBlank() ? row.shortName() : row.name();
        return VietnameseText.fold(key);
    }

    private static String display(Row row) {
        return !row.key().isBlank() ? row.key() : !row.shortName().isBlank() ? row.shortName() : row.name();
    }

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** dd/MM/yyyy (as Vietnamese write dates) or yyyy-MM-dd (as spreadsheets export them); blank: null. */
    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        return t.contains("/") ? LocalDate.parse(t, DMY) : LocalDate.parse(t);
    }
}
