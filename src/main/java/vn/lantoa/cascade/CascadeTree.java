package vn.lantoa.cascade;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.lantoa.shared.SqlArrays;

/**
 * The cascade's tables: {@code cascade_plan} (the plans and their cascade paths), {@code cascade_entry} (each assigned
 * unit's state) and {@code cascade_count} (per-ancestor counters by state and level). Every change of an entry's state
 * goes through {@link #move} so that the counters of all the plans above stay equal to a count of the entries.
 *
 * <p>A unit a plan gives tasks but no plan to build, and that has not answered (NOT_ASKED), has no row: it is read
 * from its live tasks of the plan ({@link #notAsked}), so that issuing a national plan writes rows only for the few
 * thousand units asked for a plan besides the tasks themselves (PERFORMANCE.md W2,
 * docs/adr/0071-not-asked-units-from-tasks.md). The counters count them all the same.
 */
@Repository
class CascadeTree {

    /** A plan of the cascade. */
    record PlanNode(long planId, Long parentPlanId, long issuerUnitId, String status, String symbol, String title,
            LocalDate issuedOn, String path, int level) {

        /** The plan ids from the root plan to this one. */
        List<Long> chain() {
            List<Long> ids = new ArrayList<>();
            for (String part : path.split("/")) {
                if (!part.isEmpty()) {
                    ids.add(Long.parseLong(part));
                }
            }
            return ids;
        }
    }

    /** One assigned unit's row. */
    record Entry(long planId, long unitId, String planPath, int level, LocalDate dueOn, CascadeState state,
            Long derivedPlanId, LocalDate issuedOn) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CascadeTree(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Optional<PlanNode> plan(long planId) {
        return jdbc.sql("select plan_id, parent_plan_id, issuer_unit_id, status, symbol, title, issued_on, path, level "
                + "from cascade_plan where plan_id = :id").param("id", planId).query(CascadeTree::node).optional();
    }

    /** The draft or plan a unit derived from a parent, if any (the oldest). */
    Optional<PlanNode> derived(long parentPlanId, long unitId) {
        return jdbc.sql("select plan_id, parent_plan_id, issuer_unit_id, status, symbol, title, issued_on, path, level "
                + "from cascade_plan where parent_plan_id = :p and issuer_unit_id = :u order by plan_id")
                .param("p", parentPlanId).param("u", unitId).query(CascadeTree::node).list().stream().findFirst();
    }

    void insertPlan(PlanNode node) {
        jdbc.sql("""
                insert into cascade_plan (plan_id, parent_plan_id, issuer_unit_id, status, symbol, title, issued_on, path,
                                          level)
                values (:id, :parent, :issuer, :status, :symbol, :title, :issuedOn, :path, :level)""")
                .param("id", node.planId()).param("parent", node.parentPlanId()).param("issuer", node.issuerUnitId())
                .param("status", node.status()).param("symbol", node.symbol()).param("title", cut(node.title()))
                .param("issuedOn", node.issuedOn()).param("path", node.path()).param("level", node.level()).update();
    }

    void markIssued(long planId, String symbol, String title, LocalDate issuedOn) {
        jdbc.sql("update cascade_plan set status = 'ISSUED', symbol = :symbol, title = :title, issued_on = :on "
                + "where plan_id = :id").param("symbol", symbol).param("title", cut(title)).param("on", issuedOn)
                .param("id", planId).update();
    }

    /**
     * A unit's entry in a plan: its row, or, for a unit the plan gives live tasks but no plan to build and that has
     * not answered, a NOT_ASKED entry read from its tasks (such entries are not stored, see the class comment).
     */
    Optional<Entry> entry(long planId, long unitId) {
        Optional<Entry> stored = jdbc.sql("select plan_id, unit_id, plan_path, level, due_on, state, derived_plan_id, "
                + "issued_on from cascade_entry where plan_id = :p and unit_id = :u").param("p", planId)
                .param("u", unitId).query(CascadeTree::entry).optional();
        if (stored.isPresent()) {
            return stored;
        }
        return jdbc.sql("select " + NOT_ASKED_COLUMNS + " from cascade_plan p where p.plan_id = :p and exists ("
                + "select 1 from task t where t.plan_id = p.plan_id and t.unit_id = :u and t.cancelled_at is null)")
                .param("p", planId).param("u", unitId).query(CascadeTree::entry).optional();
    }

    /**
     * The columns of an entry (as {@link #entry(java.sql.ResultSet, int)} reads them) for a not-asked unit read from
     * its tasks: {@code p} is its plan's cascade_plan row, {@code :u} (or a column named so by the caller) the unit.
     */
    static final String NOT_ASKED_COLUMNS = """
            p.plan_id, cast(:u as bigint) as unit_id, p.path as plan_path, p.level, cast(null as date) as due_on,
            'NOT_ASKED' as state, cast(null as bigint) as derived_plan_id, cast(null as date) as issued_on""";

    /**
     * The not-asked units of the plans {@code planCondition} selects (over {@code p}, a cascade_plan row): the units
     * with a live task of the plan and no entry in it, as rows of entry columns (a sub-select to join or union).
     */
    static String notAsked(String planCondition) {
        return """
                select p.plan_id, t.unit_id, p.path as plan_path, p.level, cast(null as date) as due_on,
                       'NOT_ASKED' as state, cast(null as bigint) as derived_plan_id, cast(null as date) as issued_on
                from cascade_plan p
                join task t on t.plan_id = p.plan_id
                where %s and t.cancelled_at is null
                  and not exists (select 1 from cascade_entry x where x.plan_id = t.plan_id and x.unit_id = t.unit_id)
                group by p.plan_id, t.unit_id, p.path, p.level""".formatted(planCondition);
    }

    /** The rows of every unit of the plans {@code planCondition} selects: entries and not-asked units. */
    static String units(String planCondition) {
        return "select e.plan_id, e.unit_id, e.plan_path, e.level, e.due_on, e.state, e.derived_plan_id, e.issued_on "
                + "from cascade_plan p join cascade_entry e on e.plan_id = p.plan_id where " + planCondition
                + " union all " + notAsked(planCondition);
    }

    boolean hasEntries(long planId) {
        return jdbc.sql("select count(*) from cascade_entry where plan_id = :p").param("p", planId).query(Long.class)
                .single() > 0;
    }

    /**
     * Inserts entries of a plan in one set-based statement (the units, dues and states as three arrays, unnested by
     * the database: H2 and PostgreSQL alike), and counts them, with {@code notAsked} units that have no row (their
     * tasks say they are there), in every plan above.
     */
    void insertEntries(PlanNode plan, List<Entry> entries, long notAsked) {
        if (!entries.isEmpty()) {
            Long[] units = new Long[entries.size()];
            Date[] dues = new Date[entries.size()];
            String[] states = new String[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                units[i] = e.unitId();
                dues[i] = e.dueOn() == null ? null : Date.valueOf(e.dueOn());
                states[i] = e.state().name();
            }
            template.execute((java.sql.Connection c) -> {
                try (java.sql.PreparedStatement ps = c.prepareStatement("""
                        insert into cascade_entry (plan_id, unit_id, plan_path, level, due_on, state)
                        select ?, x.unit_id, ?, ?, x.due_on, x.state from unnest(?, ?, ?) as x (unit_id, due_on, state)
                        """)) {
                    // H2 refuses longer arrays than SqlArrays.MAX_ELEMENTS: one statement per chunk of entries
                    return SqlArrays.inChunks(units.length, (part, from, to) -> {
                        java.sql.Array unitArray = c.createArrayOf("bigint",
                                java.util.Arrays.copyOfRange(units, from, to));
                        java.sql.Array dueArray = c.createArrayOf("date", java.util.Arrays.copyOfRange(dues, from, to));
                        java.sql.Array stateArray = c.createArrayOf("varchar",
                                java.util.Arrays.copyOfRange(states, from, to));
                        try {
                            ps.setLong(1, plan.planId());
                            ps.setString(2, plan.path());
                            ps.setInt(3, plan.level());
                            ps.setArray(4, unitArray);
                            ps.setArray(5, dueArray);
                            ps.setArray(6, stateArray);
                            return ps.executeUpdate();
                        } finally {
                            unitArray.free();
                            dueArray.free();
                            stateArray.free();
                        }
                    });
                }
            });
        }
        long missing = entries.stream().filter(e -> e.state() == CascadeState.MISSING).count();
        add(plan, CascadeState.MISSING, missing);
        add(plan, CascadeState.NOT_ASKED, entries.size() - missing + notAsked);
    }

    /**
     * Moves an entry to a new state (with its derived plan and date), and the counters of every plan above with it.
     * Returns false, changing nothing, when the entry is not in {@code from} any more (someone moved it first).
     */
    boolean move(Entry entry, CascadeState to, Long derivedPlanId, LocalDate issuedOn) {
        int updated = jdbc.sql("""
                update cascade_entry set state = :to, derived_plan_id = :derived, issued_on = :on
                where plan_id = :p and unit_id = :u and state = :from""").param("to", to.name())
                .param("derived", derivedPlanId).param("on", issuedOn).param("p", entry.planId())
                .param("u", entry.unitId()).param("from", entry.state().name()).update();
        if (updated == 0 && entry.state() == CascadeState.NOT_ASKED && to != CascadeState.NOT_ASKED) {
            // a not-asked unit read from its tasks (no row) answers: its row is written now
            updated = jdbc.sql("""
                    insert into cascade_entry (plan_id, unit_id, plan_path, level, due_on, state, derived_plan_id,
                                               issued_on)
                    values (:p, :u, :path, :level, :due, :to, :derived, :on) on conflict do nothing""")
                    .param("p", entry.planId()).param("u", entry.unitId()).param("path", entry.planPath())
                    .param("level", entry.level()).param("due", entry.dueOn()).param("to", to.name())
                    .param("derived", derivedPlanId).param("on", issuedOn).update();
        }
        if (updated == 0) {
            return false;
        }
        if (to != entry.state()) {
            PlanNode plan = plan(entry.planId()).orElseThrow();
            add(plan, to, 1);
            add(plan, entry.state(), -1);
        }
        return true;
    }

    /** The last revision of the plan whose tasks were applied. */
    int revision(long planId) {
        return jdbc.sql("select revision from cascade_plan where plan_id = :p").param("p", planId)
                .query(Integer.class).optional().orElse(0);
    }

    void setRevision(long planId, int revision) {
        jdbc.sql("update cascade_plan set revision = :r where plan_id = :p").param("r", revision).param("p", planId)
                .update();
    }

    /** The units that have an entry in a plan. */
    java.util.Set<Long> entryUnits(long planId) {
        return new java.util.HashSet<>(jdbc.sql("select unit_id from cascade_entry where plan_id = :p")
                .param("p", planId).query(Long.class).list());
    }

    /**
     * Brings a plan's entries in line with its units' tasks, after their dues moved (an event was rescheduled) or an
     * amendment changed them: each entry's due is its earliest plan task's; an issued entry is judged on time or late
     * again against it; a unit that has no plan task to do any more is not asked, one that now has is missing; a unit
     * with no task left at all (an amendment removed its assignment) leaves the cascade, unless it has answered.
     * Returns how many entries changed.
     */
    int refresh(long planId) {
        record Row(Entry entry, LocalDate due, long planTasks, long anyTasks) {
        }
        List<Row> rows = jdbc.sql("""
                select e.plan_id, e.unit_id, e.plan_path, e.level, e.due_on, e.state, e.derived_plan_id, e.issued_on,
                       (select min(t.due_on) from task t where t.plan_id = e.plan_id and t.unit_id = e.unit_id
                            and t.kind = 'PLAN' and t.cancelled_at is null) as plan_due,
                       (select count(*) from task t where t.plan_id = e.plan_id and t.unit_id = e.unit_id
                            and t.kind = 'PLAN' and t.cancelled_at is null) as plan_tasks,
                       (select count(*) from task t where t.plan_id = e.plan_id and t.unit_id = e.unit_id
                            and t.cancelled_at is null) as any_tasks
                from cascade_entry e where e.plan_id = :p""").param("p", planId)
                .query((rs, i) -> new Row(entry(rs, i), rs.getObject("plan_due", LocalDate.class),
                        rs.getLong("plan_tasks"), rs.getLong("any_tasks"))).list();
        int changed = 0;
        List<Object[]> dues = new ArrayList<>();
        for (Row row : rows) {
            Entry e = row.entry();
            CascadeState to = switch (e.state()) {
                case ON_TIME, LATE -> row.due() != null && e.issuedOn() != null && e.issuedOn().isAfter(row.due())
                        ? CascadeState.LATE : CascadeState.ON_TIME;
                case MISSING, NOT_ASKED -> row.planTasks() > 0 ? CascadeState.MISSING : CascadeState.NOT_ASKED;
                case DRAFT -> CascadeState.DRAFT;
            };
            if (row.anyTasks() == 0 && (e.state() == CascadeState.MISSING || e.state() == CascadeState.NOT_ASKED)
                    || to == CascadeState.NOT_ASKED && e.state() == CascadeState.MISSING) {
                // gone, or no plan to build any more: a unit with tasks left is then read from them (not asked)
                remove(e);
                changed++;
                continue;
            }
            if (!java.util.Objects.equals(e.dueOn(), row.due())) {
                dues.add(new Object[] {row.due() == null ? null : Date.valueOf(row.due()), e.planId(), e.unitId()});
            }
            if (to != e.state()) {
                move(e, to, e.derivedPlanId(), e.issuedOn());
                changed++;
            }
        }
        if (!dues.isEmpty()) {
            template.batchUpdate("update cascade_entry set due_on = ? where plan_id = ? and unit_id = ?", dues,
                    dues.size(), (ps, args) -> {
                        ps.setObject(1, args[0], Types.DATE);
                        ps.setLong(2, (Long) args[1]);
                        ps.setLong(3, (Long) args[2]);
                    });
        }
        // units that now have a plan task to do and no row: asked (MISSING), due at their earliest plan task
        PlanNode plan = plan(planId).orElseThrow();
        int asked = jdbc.sql("""
                insert into cascade_entry (plan_id, unit_id, plan_path, level, due_on, state)
                select t.plan_id, t.unit_id, :path, :level, min(t.due_on), 'MISSING' from task t
                where t.plan_id = :p and t.kind = 'PLAN' and t.cancelled_at is null
                  and not exists (select 1 from cascade_entry x where x.plan_id = t.plan_id and x.unit_id = t.unit_id)
                group by t.plan_id, t.unit_id""").param("p", planId).param("path", plan.path())
                .param("level", plan.level()).update();
        add(plan, CascadeState.MISSING, asked);
        // and the not-asked count of the plan's own level made equal to its rows and its units read from tasks
        long notAsked = jdbc.sql("select count(*) from cascade_entry where plan_id = :p and state = 'NOT_ASKED'")
                .param("p", planId).query(Long.class).single()
                + jdbc.sql("select count(*) from (" + notAsked("p.plan_id = :p") + ") n").param("p", planId)
                        .query(Long.class).single();
        long counted = jdbc.sql("select not_asked from cascade_count where plan_id = :p and depth = 1")
                .param("p", planId).query(Long.class).optional().orElse(0L);
        add(plan, CascadeState.NOT_ASKED, notAsked - counted);
        return changed + dues.size() + asked + (int) Math.abs(notAsked - counted);
    }

    /** Takes an entry out of the cascade, and out of the counters above. */
    private void remove(Entry entry) {
        int deleted = jdbc.sql("delete from cascade_entry where plan_id = :p and unit_id = :u and state = :s")
                .param("p", entry.planId()).param("u", entry.unitId()).param("s", entry.state().name()).update();
        if (deleted > 0) {
            add(plan(entry.planId()).orElseThrow(), entry.state(), -1);
        }
    }

    /** Adds n entries in a state at the level of {@code plan}'s assignees, to the counters of it and every plan above. */
    private void add(PlanNode plan, CascadeState state, long n) {
        if (n == 0) {
            return;
        }
        List<Long> chain = plan.chain();
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> bumps = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            int depth = chain.size() - i;
            keys.add(new Object[] {chain.get(i), depth});
            bumps.add(new Object[] {n, chain.get(i), depth});
        }
        template.batchUpdate("insert into cascade_count (plan_id, depth) values (?, ?) on conflict do nothing", keys);
        template.batchUpdate("update cascade_count set " + state.column() + " = " + state.column()
                + " + ? where plan_id = ? and depth = ?", bumps);
    }

    private static String cut(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
    }

    private static PlanNode node(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long parent = rs.getLong("parent_plan_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new PlanNode(rs.getLong("plan_id"), parentId, rs.getLong("issuer_unit_id"), rs.getString("status"),
                rs.getString("symbol"), rs.getString("title"), rs.getObject("issued_on", LocalDate.class),
                rs.getString("path"), rs.getInt("level"));
    }

    static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long derived = rs.getLong("derived_plan_id");
        Long derivedId = rs.wasNull() ? null : derived;
        return new Entry(rs.getLong("plan_id"), rs.getLong("unit_id"), rs.getString("plan_path"), rs.getInt("level"),
                rs.getObject("due_on", LocalDate.class), CascadeState.valueOf(rs.getString("state")), derivedId,
                rs.getObject("issued_on", LocalDate.class));
    }
}
