package vn.lantoa.cascade;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.organization.UnitKind;
import vn.lantoa.shared.VietnameseText;

/**
 * The synthetic national tree (PERFORMANCE.md §5.1, tier M): a national root with its propaganda board, 34 provinces
 * (each: the provincial Party committee, its boards, the People's Committee and its departments, the Fatherland Front
 * and the mass organizations, the police) and about 3,321 communes and wards (each: the commune Party committee, the
 * People's Committee and its two offices, the Front and five mass organizations, the police, seven Party cells): about
 * 60,000 units. Deterministic for a seed.
 *
 * <p>It writes the organization's tables directly, level by level in JDBC batches inside one transaction (the tree
 * lock first, like every change of the tree's shape): the organization module's one-unit-at-a-time API would take
 * minutes for 60,000 units. Paths are set per level with one set-based update from the parents' paths.
 */
@Service
public class NationalTree {

    /** The 34 provinces and centrally-run cities since 1 July 2025. */
    static final List<String> PROVINCES = List.of("Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn",
            "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên",
            "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi",
            "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ",
            "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang");

    private static final List<String> CITIES = List.of("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh",
            "Cần Thơ");

    private static final List<String> DEPARTMENTS = List.of("Sở Văn hóa, Thể thao và Du lịch",
            "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng",
            "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ", "Sở Công Thương", "Sở Tư pháp",
            "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ");

    private static final List<String[]> MASS_ORGANIZATIONS = List.of(
            new String[] {"Hội Liên hiệp Phụ nữ", "Hội LHPN", "HLHPN"},
            new String[] {"Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TNCS HCM", "ĐTN"},
            new String[] {"Hội Nông dân", "Hội ND", "HND"},
            new String[] {"Hội Cựu chiến binh", "Hội CCB", "HCCB"},
            new String[] {"Liên đoàn Lao động", "LĐLĐ", "LĐLĐ"});

    private static final List<String> SYLLABLES = List.of("An", "Bình", "Phú", "Tân", "Hòa", "Phước", "Long",
            "Thạnh", "Hưng", "Mỹ", "Đông", "Tây", "Nam", "Bắc", "Trung", "Vĩnh", "Thuận", "Lộc", "Xuân", "Hải",
            "Sơn", "Lâm", "Quang", "Minh", "Thành", "Đức", "Hiệp", "Khánh", "Lợi", "Nghĩa", "Thái", "Cát", "Hương",
            "Ngọc", "Kim", "Hồng", "Yên", "Gia", "Định", "Quý");

    /** What to generate. */
    public record Settings(int provinces, int communes, int cellsPerCommune, long seed, String tag) {

        public Settings {
            if (provinces < 1 || provinces > PROVINCES.size() || communes < provinces || cellsPerCommune < 0) {
                throw new IllegalArgumentException("1..34 provinces, at least one commune each");
            }
            tag = tag == null ? "" : tag.strip();
        }

        /** The national tree: 34 provinces, 3,321 communes and wards, about 60,000 units. */
        public static Settings national(String tag) {
            return new Settings(PROVINCES.size(), 3_321, 7, 42, tag);
        }

        /** A small tree for tests: a few hundred units. */
        public static Settings small(String tag) {
            return new Settings(3, 12, 2, 42, tag);
        }
    }

    /**
     * What was generated.
     *
     * @param rootId     the national root (Ban Chấp hành Trung ương)
     * @param boardId    the national propaganda board, the issuer of the national plan
     * @param provinces  the provincial Party committees, in order
     * @param communes   the commune Party committees, by province
     * @param units      how many units were created
     */
    public record Tree(long rootId, long boardId, List<Long> provinces, List<List<Long>> communes, int units,
            Duration took) {
    }

    /** One unit to insert: its parent (an index into the previous level's rows, or -1 for the root). */
    private record Row(int parent, String name, String shortName, UnitKind kind, String code) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    NationalTree(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Generates the tree in one transaction. */
    @Transactional
    public Tree generate(Settings settings) {
        long started = System.nanoTime();
        jdbc.update("update unit_tree_lock set changes = changes + 1 where id = 1");
        Random random = new Random(settings.seed());
        String tag = settings.tag().isEmpty() ? "" : " " + settings.tag();

        // level 0: the root; level 1: its board and the provinces
        List<Long> root = insertLevel(List.of(new Row(-1, "Ban Chấp hành Trung ương Đảng" + tag,
                "BCH Trung ương" + tag, UnitKind.PARTY_COMMITTEE, "TW")), List.of(), 0);
        List<Row> level1 = new ArrayList<>();
        level1.add(new Row(0, "Ban Tuyên giáo và Dân vận Trung ương" + tag, "Ban TGDV Trung ương" + tag,
                UnitKind.PARTY_BOARD, "BTGDVTW"));
        for (int p = 0; p < settings.provinces(); p++) {
            String name = PROVINCES.get(p);
            boolean city = CITIES.contains(name);
            level1.add(new Row(0, (city ? "Thành ủy " : "Tỉnh ủy ") + name + tag, (city ? "Thành ủy " : "Tỉnh ủy ") + name + tag,
                    UnitKind.PARTY_COMMITTEE, "TU"));
        }
        List<Long> l1 = insertLevel(level1, root, 1);
        List<Long> provinceIds = l1.subList(1, l1.size());

        // level 2: each province's bodies and its communes' Party committees
        List<Row> level2 = new ArrayList<>();
        List<Integer> communeRows = new ArrayList<>();
        List<Integer> communeProvince = new ArrayList<>();
        List<String> communeNames = new ArrayList<>();
        List<Integer> peoplesCommitteeRow = new ArrayList<>();
        List<Integer> frontRow = new ArrayList<>();
        for (int p = 0; p < settings.provinces(); p++) {
            int parent = p + 1;
            String province = PROVINCES.get(p);
            boolean city = CITIES.contains(province);
            String of = (city ? "Thành ủy " : "Tỉnh ủy ") + province;
            String code = city ? "TU" : "TU";
            level2.add(new Row(parent, "Ban Tuyên giáo và Dân vận " + of + tag, "Ban TGDV " + province + tag,
                    UnitKind.PARTY_BOARD, "BTGDV" + code));
            level2.add(new Row(parent, "Ban Tổ chức " + of + tag, "Ban Tổ chức " + province + tag,
                    UnitKind.PARTY_BOARD, "BTC" + code));
            level2.add(new Row(parent, "Văn phòng " + of + tag, "Văn phòng " + of + tag, UnitKind.PARTY_BOARD,
                    "VP" + code));
            level2.add(new Row(parent, "Ủy ban Kiểm tra " + of + tag, "UBKT " + province + tag, UnitKind.PARTY_BOARD,
                    "UBKT" + code));
            String place = (city ? "thành phố " : "tỉnh ") + province;
            peoplesCommitteeRow.add(level2.size());
            level2.add(new Row(parent, "Ủy ban nhân dân " + place + tag, "UBND " + place + tag,
                    UnitKind.PEOPLES_COMMITTEE, "UBND"));
            frontRow.add(level2.size());
            level2.add(new Row(parent, "Ủy ban Mặt trận Tổ quốc Việt Nam " + place + tag, "UBMTTQ " + place + tag,
                    UnitKind.FATHERLAND_FRONT, "MTTQ"));
            level2.add(new Row(parent, "Công an " + place + tag, "Công an " + place + tag, UnitKind.POLICE, "CA"));
            int count = communesOf(settings, p);
            java.util.Set<String> used = new java.util.HashSet<>();
            for (int c = 0; c < count; c++) {
                String commune = communeName(random, used);
                boolean ward = city ? random.nextInt(10) < 7 : random.nextInt(10) < 2;
                String what = (ward ? "phường " : "xã ") + commune;
                communeRows.add(level2.size());
                communeProvince.add(p);
                communeNames.add(what);
                level2.add(new Row(parent, "Đảng ủy " + what + tag, "ĐU " + what + tag, UnitKind.PARTY_COMMITTEE,
                        "ĐU"));
            }
        }
        List<Long> l2 = insertLevel(level2, l1, 2);

        // level 3: the provinces' departments and mass organizations; the communes' bodies and Party cells
        List<Row> level3 = new ArrayList<>();
        List<Integer> communePc = new ArrayList<>();
        List<Integer> communeFront = new ArrayList<>();
        for (int p = 0; p < settings.provinces(); p++) {
            String province = PROVINCES.get(p);
            String place = (CITIES.contains(province) ? "thành phố " : "tỉnh ") + province;
            for (String department : DEPARTMENTS) {
                level3.add(new Row(peoplesCommitteeRow.get(p), department + " " + place + tag,
                        department + " " + place + tag, UnitKind.SPECIALISED_OFFICE, "S" + initials(department)));
            }
            for (String[] org : MASS_ORGANIZATIONS) {
                level3.add(new Row(frontRow.get(p), org[0] + " " + place + tag, org[1] + " " + place + tag,
                        UnitKind.MASS_ORGANIZATION, org[2]));
            }
        }
        for (int c = 0; c < communeRows.size(); c++) {
            int parent = communeRows.get(c);
            String what = communeNames.get(c);
            communePc.add(level3.size());
            level3.add(new Row(parent, "Ủy ban nhân dân " + what + tag, "UBND " + what + tag,
                    UnitKind.PEOPLES_COMMITTEE, "UBND"));
            communeFront.add(level3.size());
            level3.add(new Row(parent, "Ủy ban Mặt trận Tổ quốc Việt Nam " + what + tag, "UBMTTQ " + what + tag,
                    UnitKind.FATHERLAND_FRONT, "MTTQ"));
            level3.add(new Row(parent, "Công an " + what + tag, "Công an " + what + tag, UnitKind.POLICE, "CA"));
            boolean ward = what.startsWith("phường");
            for (int k = 1; k <= settings.cellsPerCommune(); k++) {
                String cell = ward ? "Chi bộ khu phố " + k : "Chi bộ thôn " + k;
                level3.add(new Row(parent, cell + " " + what + tag, cell + " " + what + tag, UnitKind.PARTY_CELL,
                        "CB"));
            }
        }
        List<Long> l3 = insertLevel(level3, l2, 3);

        // level 4: the communes' offices and mass organizations
        List<Row> level4 = new ArrayList<>();
        for (int c = 0; c < communeRows.size(); c++) {
            String what = communeNames.get(c);
            boolean ward = what.startsWith("phường");
            level4.add(new Row(communePc.get(c), "Phòng Văn hóa - Xã hội " + what + tag,
                    "Phòng VH-XH " + what + tag, UnitKind.SPECIALISED_OFFICE, "VHXH"));
            level4.add(new Row(communePc.get(c), (ward ? "Phòng Kinh tế, Hạ tầng và Đô thị " : "Phòng Kinh tế ")
                    + what + tag, "Phòng Kinh tế " + what + tag, UnitKind.SPECIALISED_OFFICE, "KT"));
            for (String[] org : MASS_ORGANIZATIONS) {
                level4.add(new Row(communeFront.get(c), org[0] + " " + what + tag, org[1] + " " + what + tag,
                        UnitKind.MASS_ORGANIZATION, org[2]));
            }
        }
        List<Long> l4 = insertLevel(level4, l3, 4);

        // history rows: every generated unit valid from the day the 34-province structure took effect
        String rootPath = "/" + root.get(0) + "/";
        jdbc.update("""
                insert into unit_history (unit_id, valid_from, valid_to, name, short_name, code, parent_id)
                select id, ?, null, name, short_name, code, parent_id from unit where path >= ? and path < ?""",
                LocalDate.of(2025, 7, 1), rootPath, rootPath.substring(0, rootPath.length() - 1) + '0');

        List<List<Long>> communes = new ArrayList<>();
        for (int p = 0; p < settings.provinces(); p++) {
            communes.add(new ArrayList<>());
        }
        for (int c = 0; c < communeRows.size(); c++) {
            communes.get(communeProvince.get(c)).add(l2.get(communeRows.get(c)));
        }
        int total = root.size() + l1.size() + l2.size() + l3.size() + l4.size();
        return new Tree(root.get(0), l1.get(0), List.copyOf(provinceIds), communes, total,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** How many communes province {@code p} has: the total spread as evenly as integers allow. */
    private static int communesOf(Settings settings, int p) {
        int base = settings.communes() / settings.provinces();
        return base + (p < settings.communes() % settings.provinces() ? 1 : 0);
    }

    private static String communeName(Random random, java.util.Set<String> used) {
        for (int attempt = 0; ; attempt++) {
            String a = SYLLABLES.get(random.nextInt(SYLLABLES.size()));
            String b = SYLLABLES.get(random.nextInt(SYLLABLES.size()));
            if (a.equals(b)) {
                continue;
            }
            String name = attempt < 20 ? a + " " + b : a + " " + b + " " + (attempt - 18);
            if (used.add(name)) {
                return name;
            }
        }
    }

    private static String initials(String name) {
        StringBuilder code = new StringBuilder();
        for (String word : VietnameseText.fold(name.replace("Sở ", "")).split(" ")) {
            if (!word.isEmpty() && !word.equals("va")) {
                code.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return code.length() > 20 ? code.substring(0, 20) : code.toString();
    }

    /**
     * Inserts one level in a JDBC batch (path left empty), then sets the level's paths in one statement from their
     * parents' paths; returns the new ids in row order.
     */
    private List<Long> insertLevel(List<Row> rows, List<Long> parents, int depth) {
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement("""
                insert into unit (parent_id, path, depth, name, short_name, name_key, kind, system, code, version,
                                  created_at)
                values (?, '', ?, ?, ?, ?, ?, ?, ?, 0, ?)""", new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Row row = rows.get(i);
                        if (row.parent() < 0) {
                            ps.setNull(1, java.sql.Types.BIGINT);
                        } else {
                            ps.setLong(1, parents.get(row.parent()));
                        }
                        ps.setInt(2, depth);
                        ps.setString(3, row.name());
                        ps.setString(4, row.shortName());
                        ps.setString(5, VietnameseText.fold(row.name()) + " | " + VietnameseText.fold(row.shortName())
                                + " | " + VietnameseText.fold(row.code()));
                        ps.setString(6, row.kind().name());
                        ps.setString(7, row.kind().defaultSystem().name());
                        ps.setString(8, row.code());
                        ps.setTimestamp(9, now);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        List<Long> ids = new ArrayList<>(rows.size());
        for (var key : keys.getKeyList()) {
            ids.add(((Number) key.values().iterator().next()).longValue());
        }
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("expected " + rows.size() + " generated ids, got " + ids.size());
        }
        if (depth == 0) {
            jdbc.update("update unit set path = '/' || cast(id as varchar(20)) || '/' where path = ''");
        } else {
            jdbc.update("""
                    update unit set path = (select p.path from unit p where p.id = unit.parent_id)
                                           || cast(id as varchar(20)) || '/'
                    where path = ''""");
        }
        return ids;
    }
}
