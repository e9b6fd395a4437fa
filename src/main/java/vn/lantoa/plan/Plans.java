package vn.lantoa.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.lantoa.organization.Units;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;
import vn.lantoa.shared.VietnameseText;

/**
 * Plans, stored: the {@code plan} row (what is queried) and the document of its current revision (the plan itself,
 * {@code lantoa.plan/1} JSON written by {@link PlanJson}). Checks nothing about who asks: {@link PlanManagement}
 * does. Lists take the scope as arguments and put it in the SQL, so that nothing out of scope is read.
 */
@Repository
public class Plans {

    private static final String COLUMNS = "p.id, p.issuer_unit_id, p.status, p.classification, p.revision, p.kind, "
            + "p.number, p.symbol, p.system, p.issued_on, p.title, p.version, p.created_by, p.created_at, "
            + "p.updated_by, p.updated_at";

    /** The longest event or phase key stored (the column's size). */
    static final int KEY_MAX = 20000;

    private final JdbcClient jdbc;

    Plans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The plan with its current document, whoever may see it. */
    public Optional<StoredPlan> byId(long id) {
        return jdbc.sql("select " + COLUMNS + ", r.document from plan p join plan_revision r "
                        + "on r.plan_id = p.id and r.revision = p.revision where p.id = :id")
                .param("id", id)
                .query((rs, i) -> new StoredPlan(rs.getLong("id"), rs.getLong("issuer_unit_id"),
                        PlanStatus.valueOf(rs.getString("status")),
                        Classification.valueOf(rs.getString("classification")), rs.getInt("revision"),
                        rs.getLong("version"), PlanJson.read(rs.getString("document")), rs.getLong("created_by"),
                        instant(rs, "created_at"), rs.getLong("updated_by"), instant(rs, "updated_at")))
                .optional();
    }

    /** Stores a new draft (revision 1, version 0) and returns its id. */
    long insertDraft(long issuerUnitId, Classification classification, Plan plan, long userId, Instant now) {
        DocumentHeader d = plan.document();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into plan (issuer_unit_id, status, classification, revision, kind, number, symbol, "
                        + "system, issued_on, title, search_key, event_key, phase_key, version, created_by, created_at, "
                        + "updated_by, updated_at) values (:unit, 'DRAFT', :classification, 1, :kind, :number, "
                        + ":symbol, :system, :issuedOn, :title, :key, :eventKey, :phaseKey, 0, :user, :now, :user, "
                        + ":now)")
                .param("unit", issuerUnitId)
                .param("classification", classification.name())
                .params(header(plan))
                .param("user", userId)
                .param("now", utc(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("insert into plan_revision (plan_id, revision, document, saved_by, saved_at) "
                        + "values (:id, 1, :document, :user, :now)")
                .param("id", id).param("document", PlanJson.write(plan)).param("user", userId).param("now", utc(now))
                .update();
        return id;
    }

    /**
     * Saves a draft's new content if its version is still {@code expectedVersion}.
     *
     * @return whether it was saved (false: someone saved first, or it is no longer a draft)
     */
    boolean updateDraft(long id, long expectedVersion, Classification classification, Plan plan, long userId,
            Instant now) {
        int changed = jdbc.sql("update plan set classification = :classification, kind = :kind, number = :number, "
                        + "symbol = :symbol, system = :system, issued_on = :issuedOn, title = :title, "
                        + "search_key = :key, event_key = :eventKey, phase_key = :phaseKey, version = version + 1, "
                        + "updated_by = :user, updated_at = :now where id = :id and version = :version "
                        + "and status = 'DRAFT'")
                .param("classification", classification.name())
                .params(header(plan))
                .param("user", userId).param("now", utc(now)).param("id", id).param("version", expectedVersion)
                .update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("update plan_revision set document = :document, saved_by = :user, saved_at = :now "
                        + "where plan_id = :id and revision = (select revision from plan where id = :id)")
                .param("document", PlanJson.write(plan)).param("user", userId).param("now", utc(now))
                .param("id", id).update();
        return true;
    }

    /** Moves a draft's version on (a change beside its document, such as a person's choice of units). */
    boolean touch(long id, long expectedVersion, long userId, Instant now) {
        return jdbc.sql("update plan set version = version + 1, updated_by = :user, updated_at = :now "
                        + "where id = :id and version = :version and status = 'DRAFT'")
                .param("user", userId).param("now", utc(now)).param("id", id).param("version", expectedVersion)
                .update() == 1;
    }

    /** Marks a draft issued if its version is still {@code expectedVersion}; false otherwise. */
    boolean markIssued(long id, long expectedVersion, String symbol, long userId, Instant now) {
        return jdbc.sql("update plan set status = 'ISSUED', issued_symbol = :symbol, version = version + 1, "
                        + "issued_by = :user, issued_at = :now, updated_by = :user, updated_at = :now "
                        + "where id = :id and version = :version and status = 'DRAFT'")
                .param("symbol", symbol).param("user", userId).param("now", utc(now)).param("id", id)
                .param("version", expectedVersion).update() == 1;
    }

    /**
     * Amends an issued plan (sửa đổi): its next revision holds the new document, the header columns follow it, if its
     * version is still {@code expectedVersion}; false otherwise.
     */
    boolean amend(long id, long expectedVersion, Plan plan, long userId, String userName, String note,
            Instant now) {
        int changed = jdbc.sql("update plan set kind = :kind, number = :number, symbol = :symbol, system = :system, "
                        + "issued_on = :issuedOn, title = :title, search_key = :key, event_key = :eventKey, "
                        + "phase_key = :phaseKey, revision = revision + 1, version = version + 1, updated_by = :user, "
                        + "updated_at = :now where id = :id and version = :version and status = 'ISSUED'")
                .params(header(plan))
                .param("user", userId).param("now", utc(now)).param("id", id).param("version", expectedVersion)
                .update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("insert into plan_revision (plan_id, revision, document, saved_by, saved_at, saved_by_name, note) "
                        + "select id, revision, :document, :user, :now, :name, :note from plan where id = :id")
                .param("document", PlanJson.write(plan)).param("user", userId).param("now", utc(now))
                .param("name", cut(userName, 200)).param("note", cut(note, 2000)).param("id", id).update();
        return true;
    }

    /** Closes an issued plan if its version is still {@code expectedVersion}; false otherwise. */
    boolean close(long id, long expectedVersion, long userId, Instant now) {
        return jdbc.sql("update plan set status = 'CLOSED', version = version + 1, closed_by = :user, "
                        + "closed_at = :now, updated_by = :user, updated_at = :now "
                        + "where id = :id and version = :version and status = 'ISSUED'")
                .param("user", userId).param("now", utc(now)).param("id", id).param("version", expectedVersion)
                .update() == 1;
    }

    /** Records the name of who issued revision 1 (the draft's revision, saved in place until then). */
    void markRevisionIssued(long id, long userId, String userName, Instant now) {
        jdbc.sql("update plan_revision set saved_by = :user, saved_by_name = :name, saved_at = :now "
                        + "where plan_id = :id and revision = (select revision from plan where id = :id)")
                .param("user", userId).param("name", cut(userName, 200)).param("now", utc(now)).param("id", id)
                .update();
    }

    /** A stored revision of a plan. */
    record Revision(int revision, Plan plan, long savedBy, String savedByName, Instant savedAt, String note) {
    }

    /** Every revision of a plan, the first first. */
    List<Revision> revisions(long id) {
        return jdbc.sql("select revision, document, saved_by, saved_by_name, saved_at, note from plan_revision "
                        + "where plan_id = :id order by revision")
                .param("id", id)
                .query((rs, i) -> new Revision(rs.getInt("revision"), PlanJson.read(rs.getString("document")),
                        rs.getLong("saved_by"), rs.getString("saved_by_name"), instant(rs, "saved_at"),
                        rs.getString("note")))
                .list();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** Records the SHA-256 of the file a plan was imported from. */
    void markSource(long id, String sha256) {
        jdbc.sql("update plan set source_sha256 = :sha where id = :id").param("sha", sha256).param("id", id).update();
    }

    /** The unit's plans imported from a file with this SHA-256, oldest first. */
    List<Long> importedFrom(long issuerUnitId, String sha256) {
        return jdbc.sql("select id from plan where issuer_unit_id = :unit and source_sha256 = :sha order by id")
                .param("unit", issuerUnitId).param("sha", sha256).query(Long.class).list();
    }

    /** Whether the issuer already has an issued plan (another than {@code exceptId}) with this symbol. */
    boolean issuedSymbolTaken(long issuerUnitId, String symbol, long exceptId) {
        return jdbc.sql("select count(*) from plan where issuer_unit_id = :unit and issued_symbol = :symbol "
                        + "and id <> :id")
                .param("unit", issuerUnitId).param("symbol", symbol).param("id", exceptId)
                .query(Long.class).single() > 0;
    }

    /**
     * The plans a scope may see, newest issue date first.
     *
     * @param subtreePath      plans (any status) whose issuer lies in the subtree of this unit path
     * @param ancestorUnitIds  and plans not in draft issued by one of these units
     * @param status           only this status, or null
     * @param query            words typed (searched without diacritics at word starts in symbol and title), or null
     */
    public List<PlanSummary> visible(String subtreePath, List<Long> ancestorUnitIds, PlanStatus status, String query,
            int limit) {
        return visible(subtreePath, ancestorUnitIds, status, query, null, null, limit);
    }

    /**
     * The plans a scope may see, newest issue date first, filtered.
     *
     * @param event an event's name or part of it (searched without diacritics among the plan's events), or null
     * @param phase a phase's label or title or part of it (without diacritics, nested phases too), or null
     */
    public List<PlanSummary> visible(String subtreePath, List<Long> ancestorUnitIds, PlanStatus status, String query,
            String event, String phase, int limit) {
        return visible(subtreePath, ancestorUnitIds, status, query, null, event, phase, limit);
    }

    /**
     * The same, also filtered by issuer in the database (a filter applied after the limit would hide older plans).
     *
     * @param issuerUnitId only plans issued by this unit, or null
     */
    public List<PlanSummary> visible(String subtreePath, List<Long> ancestorUnitIds, PlanStatus status, String query,
            Long issuerUnitId, String event, String phase, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from plan p join unit u on u.id = "
                + "p.issuer_unit_id where ").append(scope(subtreePath, ancestorUnitIds, params));
        if (issuerUnitId != null) {
            sql.append(" and p.issuer_unit_id = :issuer");
            params.put("issuer", issuerUnitId);
        }
        if (status != null) {
            sql.append(" and p.status = :status");
            params.put("status", status.name());
        }
        String folded = VietnameseText.fold(query);
        if (!folded.isEmpty()) {
            // the folded key holds only letters, digits and spaces: no LIKE wildcard to escape
            sql.append(" and (' ' || p.search_key) like :pattern");
            params.put("pattern", "% " + folded.replace(" ", "% ") + "%");
        }
        String ev = VietnameseText.fold(event);
        if (!ev.isEmpty()) {
            sql.append(" and p.event_key like :event");
            params.put("event", "%" + ev + "%");
        }
        String ph = VietnameseText.fold(phase);
        if (!ph.isEmpty()) {
            sql.append(" and p.phase_key like :phase");
            params.put("phase", "%" + ph + "%");
        }
        sql.append(" order by p.issued_on desc nulls last, p.id desc limit ").append(Math.max(1, limit));
        return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new PlanSummary(rs.getLong("id"),
                rs.getLong("issuer_unit_id"), PlanStatus.valueOf(rs.getString("status")),
                Classification.valueOf(rs.getString("classification")), rs.getLong("version"), rs.getString("kind"),
                rs.getString("number"), rs.getString("symbol"), rs.getString("system"),
                rs.getObject("issued_on", LocalDate.class), rs.getString("title"), instant(rs, "updated_at")))
                .list();
    }

    /** The units whose plans a scope may see, for the issuer filter: every issuer, not only those of the newest plans. */
    public List<Long> visibleIssuers(String subtreePath, List<Long> ancestorUnitIds, int limit) {
        Map<String, Object> params = new HashMap<>();
        String sql = "select distinct p.issuer_unit_id from plan p join unit u on u.id = p.issuer_unit_id where "
                + scope(subtreePath, ancestorUnitIds, params) + " order by p.issuer_unit_id limit " + Math.max(1, limit);
        return jdbc.sql(sql).params(params).query(Long.class).list();
    }

    /** Plans (any status) issued in the subtree, and plans not in draft issued by one of the ancestors. */
    private static String scope(String subtreePath, List<Long> ancestorUnitIds, Map<String, Object> params) {
        params.put("p", subtreePath);
        params.put("upper", Units.upperBound(subtreePath));
        if (ancestorUnitIds.isEmpty()) {
            return "(u.path >= :p and u.path < :upper)";
        }
        params.put("ancestors", ancestorUnitIds);
        return "((u.path >= :p and u.path < :upper) or (p.status <> 'DRAFT' and p.issuer_unit_id in (:ancestors)))";
    }

    /** The folded names of the plan's events, joined by " | " (the list's event filter). */
    static String eventKey(Plan plan) {
        List<String> parts = new ArrayList<>();
        plan.events().forEach(e -> parts.add(VietnameseText.fold(e.name())));
        return key(parts);
    }

    /** The folded label and title of every phase of the plan, nested ones too, joined by " | ". */
    static String phaseKey(Plan plan) {
        List<String> parts = new ArrayList<>();
        phases(plan.phases(), parts);
        return key(parts);
    }

    private static void phases(List<vn.lantoa.planformat.Phase> phases, List<String> out) {
        for (vn.lantoa.planformat.Phase p : phases) {
            out.add(VietnameseText.fold(String.join(" ", String.valueOf(p.label()), String.valueOf(p.title()))));
            phases(p.phases(), out);
        }
    }

    private static String key(List<String> parts) {
        String key = String.join(" | ", parts);
        return key.length() <= KEY_MAX ? key : key.substring(0, KEY_MAX);
    }

    /** Plans stored before the event and phase keys existed. */
    List<Long> withoutKeys() {
        return jdbc.sql("select id from plan where event_key is null or phase_key is null order by id")
                .query(Long.class).list();
    }

    /** Writes the event and phase keys of a plan from its current document. */
    void writeKeys(long id) {
        byId(id).ifPresent(p -> jdbc.sql("update plan set event_key = :e, phase_key = :p where id = :id")
                .param("e", eventKey(p.plan())).param("p", phaseKey(p.plan())).param("id", id).update());
    }

    /** How many plans are stored (tests compare it before and after a refused write). */
    public long count() {
        return jdbc.sql("select count(*) from plan").query(Long.class).single();
    }

    /** The folded search key of a header: symbol, then title. */
    static String searchKey(DocumentHeader d) {
        List<String> parts = new ArrayList<>();
        if (d.symbol() != null) {
            parts.add(d.symbol());
        }
        if (d.title() != null) {
            parts.add(d.title());
        }
        return VietnameseText.fold(String.join(" ", parts));
    }

    private static Map<String, Object> header(Plan plan) {
        DocumentHeader d = plan.document();
        Map<String, Object> params = new HashMap<>();
        params.put("eventKey", eventKey(plan));
        params.put("phaseKey", phaseKey(plan));
        params.put("kind", d.kind());
        params.put("number", d.number());
        params.put("symbol", d.symbol());
        params.put("system", d.system() == null ? null : d.system().json());
        params.put("issuedOn", d.issuedOn());
        params.put("title", d.title());
        params.put("key", searchKey(d));
        return params;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
