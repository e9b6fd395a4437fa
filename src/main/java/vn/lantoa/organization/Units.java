package vn.lantoa.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.lantoa.shared.VietnameseText;

/**
 * The unit tree, read. Subtrees are range conditions on the materialised path ({@code path >= p and path < p'},
 * where p' is p with its last '/' turned into '0'), never recursion. Lists of units that a person reads are in
 * Vietnamese collation order of their names ("Hà Giang", "Hạ Long", "Hải Phòng").
 *
 * <p>Every logged-in user may read unit names and the tree (RELIABILITY.md §(a) rule 6), so nothing here checks
 * scope; what other modules show about a unit (counts, statuses) is theirs to filter.
 */
@Repository
public class Units {

    static final String COLUMNS = "id, parent_id, path, depth, name, short_name, kind, system, code, closed_on, "
            + "successor_id, version";

    static final RowMapper<Unit> UNIT = Units::mapUnit;

    private static final RowMapper<UnitVersion> VERSION = (rs, i) -> new UnitVersion(rs.getLong("unit_id"),
            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
            rs.getString("name"), rs.getString("short_name"), rs.getString("code"), nullableLong(rs, "parent_id"));

    /** Above this many matches a search stops reading: the person should type more. */
    private static final int SEARCH_CEILING = 20_000;

    private final JdbcClient jdbc;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Vietnamese order of names, then id (so that equal names keep a stable order). */
    public static Comparator<Unit> byName() {
        Comparator<String> names = VietnameseText.byName();
        return Comparator.comparing(Unit::name, names).thenComparingLong(Unit::id);
    }

    /**
     * The exclusive upper bound of a subtree's paths: "/1/7/" → "/1/70". Every path below "/1/7/" starts with
     * "/1/7/", and '/' + 1 = '0', so they all sort between the two under a bytewise collation.
     */
    public static String upperBound(String path) {
        if (path == null || !path.endsWith("/")) {
            throw new IllegalArgumentException("not a unit path: " + path);
        }
        return path.substring(0, path.length() - 1) + '0';
    }

    public Optional<Unit> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from unit where id = :id").param("id", id).query(UNIT).optional();
    }

    /**
     * The units with these ids that exist, in no particular order: a thousand per query, for lists as long as a
     * national plan's assigned units (60,000), which one query per unit would make cost seconds.
     */
    public List<Unit> byIds(java.util.Collection<Long> ids) {
        List<Long> all = ids.stream().distinct().toList();
        List<Unit> out = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += 1_000) {
            out.addAll(jdbc.sql("select " + COLUMNS + " from unit where id in (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 1_000))).query(UNIT).list());
        }
        return out;
    }

    /** The unit, or 404 {@code UNIT_NOT_FOUND}. */
    public Unit get(long id) {
        return byId(id).orElseThrow(() -> UnitProblems.notFound(id));
    }

    /** Units without a parent (provinces, the roots of separate trees), in name order. */
    public List<Unit> roots() {
        return sorted(jdbc.sql("select " + COLUMNS + " from unit where parent_id is null").query(UNIT).list());
    }

    /** The direct children of a unit, closed ones included, in name order. */
    public List<Unit> children(long id) {
        return sorted(jdbc.sql("select " + COLUMNS + " from unit where parent_id = :id").param("id", id)
                .query(UNIT).list());
    }

    /** The unit and everything below it, in path order (every unit comes after its parent). */
    public List<Unit> subtree(long id) {
        Unit root = get(id);
        return jdbc.sql("select " + COLUMNS + " from unit where path >= :p and path < :upper order by path")
                .param("p", root.path()).param("upper", upperBound(root.path())).query(UNIT).list();
    }

    /** How many units lie strictly below a unit. */
    public long countBelow(long id) {
        Unit root = get(id);
        return jdbc.sql("select count(*) from unit where path > :p and path < :upper").param("p", root.path())
                .param("upper", upperBound(root.path())).query(Long.class).single();
    }

    /** The ancestors of a unit, the root first, the parent last; empty for a root. */
    public List<Unit> ancestors(long id) {
        Unit unit = get(id);
        List<Long> ids = new ArrayList<>();
        for (String part : unit.path().split("/")) {
            if (!part.isEmpty() && Long.parseLong(part) != id) {
                ids.add(Long.parseLong(part));
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from unit where id in (:ids) order by depth").param("ids", ids)
                .query(UNIT).list();
    }

    /**
     * Units whose name, short name or code matches what a person typed: without diacritics or case, each word typed
     * the start of a word of the name, in the order typed ("uy ban" finds "Ủy ban" and "Uỷ ban", "dang" finds "Đảng",
     * "uy ban an duong" finds "Ủy ban nhân dân phường An Dương"). In name order.
     *
     * @param under         only in this unit's subtree (the unit included), or null for everywhere
     * @param includeClosed whether closed and merged units are listed too
     * @param limit         at most this many
     */
    public List<Unit> search(String query, Long under, boolean includeClosed, int limit) {
        String folded = VietnameseText.fold(query);
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from unit where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!folded.isEmpty()) {
            // each word typed starts a word of the key, in the order typed: "uy ban an duong" finds "Ủy ban nhân dân
            // phường An Dương". The folded key has only letters, digits, spaces and '|': no LIKE wildcard to escape.
            sql.append(" and (' ' || name_key) like :pattern");
            params.put("pattern", "% " + folded.replace(" ", "% ") + "%");
        }
        if (under != null) {
            Unit root = get(under);
            sql.append(" and path >= :p and path < :upper");
            params.put("p", root.path());
            params.put("upper", upperBound(root.path()));
        }
        if (!includeClosed) {
            sql.append(" and closed_on is null");
        }
        sql.append(" limit ").append(SEARCH_CEILING);
        List<Unit> found = sorted(jdbc.sql(sql.toString()).params(params).query(UNIT).list().stream()
                .filter(u -> folded.isEmpty() || startsWords(u.name(), folded) || startsWords(u.shortName(), folded)
                        || startsWords(u.code(), folded))
                .toList());
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /**
     * Whether each word of a folded query starts a word of the text, in order: the query's words must all be found
     * in one of a unit's name, short name or code (the stored key joins the three, so SQL alone would match across).
     */
    static boolean startsWords(String text, String foldedQuery) {
        if (text == null) {
            return false;
        }
        String[] words = VietnameseText.fold(text).split(" ");
        int at = 0;
        for (String wanted : foldedQuery.split(" ")) {
            while (at < words.length && !words[at].startsWith(wanted)) {
                at++;
            }
            if (at == words.length) {
                return false;
            }
            at++;
        }
        return true;
    }

    /** The open unit with exactly this short name, if there is exactly one (the demo and bulk files name parents so). */
    public Optional<Unit> byShortName(String shortName) {
        List<Unit> found = withShortName(shortName, false);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * Units with this short name: written exactly (after NFC), or else equal without diacritics and case
     * ("ubnd phuong an duong").
     */
    public List<Unit> withShortName(String shortName, boolean includeClosed) {
        String exact = VietnameseText.nfc(shortName == null ? "" : shortName.strip());
        String open = includeClosed ? "" : " and closed_on is null";
        List<Unit> found = jdbc.sql("select " + COLUMNS + " from unit where short_name = :s" + open)
                .param("s", exact).query(UNIT).list();
        if (!found.isEmpty()) {
            return found;
        }
        String folded = VietnameseText.fold(exact);
        if (folded.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from unit where name_key like :pattern" + open)
                .param("pattern", "% | " + folded + " | %").query(UNIT).list().stream()
                .filter(u -> VietnameseText.fold(u.shortName()).equals(folded)).toList();
    }

    /** The unit as it was on a date (name, short name, code, parent), or empty if it did not exist yet. */
    public Optional<UnitVersion> asOf(long id, LocalDate date) {
        return jdbc.sql("""
                select unit_id, valid_from, valid_to, name, short_name, code, parent_id from unit_history
                where unit_id = :id and valid_from <= :d and (valid_to is null or valid_to > :d)""")
                .param("id", id).param("d", date).query(VERSION).optional();
    }

    /** Every version of a unit, the oldest first. */
    public List<UnitVersion> history(long id) {
        return jdbc.sql("""
                select unit_id, valid_from, valid_to, name, short_name, code, parent_id from unit_history
                where unit_id = :id order by valid_from""").param("id", id).query(VERSION).list();
    }

    /** The day a unit was closed or merged, if it was. */
    public Optional<LocalDate> closedOn(long id) {
        return jdbc.sql("select closed_on from unit where id = :id and closed_on is not null").param("id", id)
                .query((rs, i) -> rs.getObject(1, LocalDate.class)).optional();
    }

    /**
     * The open unit that carries a unit on today: the unit itself, or the end of its chain of successors (a ward
     * merged into a ward that was merged in turn). Figures of a merged unit roll up through it.
     */
    public Unit current(long id) {
        Unit unit = get(id);
        for (int hops = 0; unit.successorId() != null && hops < 100; hops++) {
            unit = get(unit.successorId());
        }
        return unit;
    }

    /** Whether the tree has no unit at all (a fresh database). */
    public boolean isEmpty() {
        return jdbc.sql("select count(*) from unit").query(Long.class).single() == 0;
    }

    /**
     * The search key stored with a unit: folded name, short name and code, separated by " | " (which folding never
     * produces, so that a query cannot match across two of them).
     */
    static String nameKey(String name, String shortName, String code) {
        return VietnameseText.fold(name) + " | " + VietnameseText.fold(shortName) + " | "
                + VietnameseText.fold(code == null ? "" : code);
    }

    private static List<Unit> sorted(List<Unit> units) {
        List<Unit> copy = new ArrayList<>(units);
        copy.sort(byName());
        return copy;
    }

    private static Unit mapUnit(ResultSet rs, int row) throws SQLException {
        return new Unit(rs.getLong("id"), rs.getString("name"), rs.getString("short_name"),
                UnitKind.valueOf(rs.getString("kind")), UnitSystem.valueOf(rs.getString("system")),
                rs.getString("code"), nullableLong(rs, "parent_id"), rs.getString("path"), rs.getInt("depth"),
                rs.getObject("closed_on", LocalDate.class) != null, nullableLong(rs, "successor_id"),
                rs.getLong("version"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
