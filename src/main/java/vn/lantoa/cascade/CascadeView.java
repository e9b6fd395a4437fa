package vn.lantoa.cascade;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.shared.Problem;

/**
 * The cascade view (PERFORMANCE.md W4): from any plan, the units it reaches through every derived plan, one level at
 * a time, with counts per state. Never recursive: a level is the assigning plan's entries (primary key range), the
 * counts are the per-ancestor counters, a filtered list or the export is one range of the cascade path. Who may see
 * it: whoever may read the plan (404 {@code PLAN_NOT_FOUND} otherwise).
 */
@Service
public class CascadeView {

    /** Rows per screen. */
    public static final int PAGE = 100;

    /** At most this many rows in a filtered list (the export has them all). */
    public static final int MAX_FILTERED = 1_000;

    private static final String NODE_COLUMNS = """
            e.unit_id, u.name, e.plan_id, cp.symbol, e.level, e.state, e.due_on, e.issued_on, e.derived_plan_id,
            dp.symbol as derived_symbol""";

    private static final String NODE_FROM = """
            from cascade_entry e
            join unit u on u.id = e.unit_id
            join cascade_plan cp on cp.plan_id = e.plan_id
            left join cascade_plan dp on dp.plan_id = e.derived_plan_id""";

    /** The same over every unit of the plans {@code planCondition} selects: entries and not-asked units. */
    private static String nodesOf(String planCondition) {
        return """
                from (%s) e
                join unit u on u.id = e.unit_id
                join cascade_plan cp on cp.plan_id = e.plan_id
                left join cascade_plan dp on dp.plan_id = e.derived_plan_id""".formatted(
                CascadeTree.units(planCondition));
    }

    private final PlanManagement plans;
    private final CascadeTree tree;
    private final Units units;
    private final JdbcClient jdbc;
    private final Clock clock;

    CascadeView(PlanManagement plans, CascadeTree tree, Units units, JdbcClient jdbc, Clock clock) {
        this.plans = plans;
        this.tree = tree;
        this.units = units;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One screen.
     *
     * @param node   a unit of the cascade (null: the root plan's issuer)
     * @param state  a filter: ON_TIME, LATE, DRAFT, MISSING, NOT_ASKED or OVERDUE over the node's whole subtree; null
     *               for the node's children
     */
    @Transactional(readOnly = true)
    public CascadeLevel level(CurrentUser user, long planId, Long node, String state, int offset) {
        StoredPlan root = plans.get(user, planId);
        CascadeTree.PlanNode rootNode = tree.plan(planId).orElse(null);
        if (rootNode == null) {
            // a plan the cascade has not seen (a draft): nothing below it yet
            return new CascadeLevel(planId, null, root.plan().document().symbol(), root.issuerUnitId(),
                    units.get(root.issuerUnitId()).name(), List.of(), CascadeCounts.ZERO, List.of(), List.of(), state,
                    0, false);
        }
        return level(rootNode, node, state, offset);
    }

    /** The same without the access check (the benchmarks time the database work alone). */
    @Transactional(readOnly = true)
    public CascadeLevel level(long planId, Long node, String state, int offset) {
        return level(tree.plan(planId).orElseThrow(), node, state, offset);
    }

    private CascadeLevel level(CascadeTree.PlanNode root, Long node, String state, int offset) {
        String filter = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
        if (filter != null && !List.of("ON_TIME", "LATE", "DRAFT", "MISSING", "NOT_ASKED", "OVERDUE")
                .contains(filter)) {
            throw Problem.badRequest("CASCADE_STATE", "Trạng thái lọc không hợp lệ: {0}.", state);
        }
        int from = Math.max(0, offset);
        // the node's plan: the root plan at the top, else the plan the node's unit derived in this cascade
        Long nodePlanId = root.planId();
        long nodeUnitId = root.issuerUnitId();
        List<CascadeLevel.Crumb> path = new ArrayList<>();
        if (node != null && node != root.issuerUnitId()) {
            // its shallowest entry in this cascade, stored or (not asked) read from its tasks
            CascadeTree.Entry entry = jdbc.sql("select * from (select plan_id, unit_id, plan_path, level, due_on, "
                    + "state, derived_plan_id, issued_on from cascade_entry where unit_id = :u and plan_path >= :p "
                    + "and plan_path < :upper union all " + CascadeTree.notAsked("t.unit_id = :u and p.path >= :p "
                    + "and p.path < :upper") + ") x order by level, plan_id").param("u", node).param("p", root.path())
                    .param("upper", Units.upperBound(root.path())).query(CascadeTree::entry).list().stream()
                    .findFirst().orElseThrow(() -> Problem.notFound("CASCADE_NODE_NOT_FOUND",
                            "Đơn vị không nằm trong phân cấp của kế hoạch này."));
            nodePlanId = entry.derivedPlanId();
            nodeUnitId = node;
            path = crumbs(root, entry);
        }
        String nodeName = units.get(nodeUnitId).name();
        String symbol = nodePlanId == null ? null : tree.plan(nodePlanId).map(CascadeTree.PlanNode::symbol).orElse(null);
        if (nodePlanId == null) {
            return new CascadeLevel(root.planId(), null, null, nodeUnitId, nodeName, path, CascadeCounts.ZERO,
                    List.of(), List.of(), filter, 0, false);
        }
        List<CascadeCounts> levels = counts(nodePlanId);
        CascadeCounts total = levels.stream().reduce(CascadeCounts.ZERO, CascadeCounts::plus);
        LocalDate today = LocalDate.ofInstant(clock.instant(), TaskManagement.ZONE);
        List<CascadeNode> rows;
        // the units not asked (read from tasks) are looked for only where the counters say there are some
        boolean notAsked = levels.stream().filter(c -> c.depth() == 1).anyMatch(c -> c.notAsked() > 0);
        if (filter == null) {
            rows = jdbc.sql("select " + NODE_COLUMNS + " " + (notAsked ? nodesOf("p.plan_id = :plan")
                    : NODE_FROM + " where e.plan_id = :plan")
                    + " order by u.name, e.unit_id limit " + (PAGE + 1) + " offset " + from).param("plan", nodePlanId)
                    .query((rs, i) -> node(rs, today)).list();
        } else {
            CascadeTree.PlanNode planNode = tree.plan(nodePlanId).orElseThrow();
            String condition = filter.equals("OVERDUE") ? "e.state in ('MISSING', 'DRAFT') and e.due_on < :today"
                    : "e.state = :state";
            // not asked: the stored ones and those read from tasks; any other state is stored
            String source = filter.equals("NOT_ASKED") && total.notAsked() > 0
                    ? nodesOf("p.path >= :p and p.path < :upper") + " where "
                    : NODE_FROM + " where e.plan_path >= :p and e.plan_path < :upper and ";
            rows = jdbc.sql("select " + NODE_COLUMNS + " " + source + condition
                    + " order by e.plan_path, u.name, e.unit_id limit "
                    + (Math.min(PAGE, MAX_FILTERED) + 1) + " offset " + from).param("p", planNode.path())
                    .param("upper", Units.upperBound(planNode.path())).param("state", filter).param("today", today)
                    .query((rs, i) -> node(rs, today)).list();
        }
        boolean more = rows.size() > PAGE;
        if (more) {
            rows = rows.subList(0, PAGE);
        }
        return new CascadeLevel(root.planId(), nodePlanId, symbol, nodeUnitId, nodeName, path, total, levels,
                withCounts(rows), filter, from, more);
    }

    /** Every unit of the plan's cascade, in cascade order, for the export. */
    @Transactional(readOnly = true)
    public void each(CurrentUser user, long planId, Consumer<CascadeNode> row) {
        plans.get(user, planId);
        CascadeTree.PlanNode root = tree.plan(planId).orElse(null);
        if (root == null) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), TaskManagement.ZONE);
        boolean notAsked = counts(root.planId()).stream().anyMatch(c -> c.notAsked() > 0);
        jdbc.sql("select " + NODE_COLUMNS + " " + (notAsked ? nodesOf("p.path >= :p and p.path < :upper")
                : NODE_FROM + " where e.plan_path >= :p and e.plan_path < :upper")
                + " order by e.plan_path, u.name, e.unit_id").param("p", root.path())
                .param("upper", Units.upperBound(root.path()))
                .query((ResultSet rs) -> {
                    row.accept(node(rs, today));
                });
    }

    /** The counters of a plan, one row per level below it. */
    List<CascadeCounts> counts(long planId) {
        return jdbc.sql("select depth, on_time, late, draft, missing, not_asked from cascade_count where plan_id = :p "
                + "order by depth").param("p", planId)
                .query((rs, i) -> new CascadeCounts(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6))).list();
    }

    /** The rows with the totals of their derived plans' cascades. */
    private List<CascadeNode> withCounts(List<CascadeNode> rows) {
        List<Long> derived = rows.stream().map(CascadeNode::derivedPlanId).filter(id -> id != null).toList();
        if (derived.isEmpty()) {
            return rows;
        }
        Map<Long, CascadeCounts> below = new HashMap<>();
        jdbc.sql("select plan_id, sum(on_time), sum(late), sum(draft), sum(missing), sum(not_asked) from cascade_count "
                + "where plan_id in (:ids) group by plan_id").param("ids", derived)
                .query((ResultSet rs) -> {
                    below.put(rs.getLong(1), new CascadeCounts(0, rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6)));
                });
        List<CascadeNode> result = new ArrayList<>(rows.size());
        for (CascadeNode n : rows) {
            CascadeCounts c = n.derivedPlanId() == null ? CascadeCounts.ZERO
                    : below.getOrDefault(n.derivedPlanId(), CascadeCounts.ZERO);
            result.add(new CascadeNode(n.unitId(), n.unitName(), n.planId(), n.planSymbol(), n.level(), n.state(),
                    n.overdue(), n.dueOn(), n.issuedOn(), n.derivedPlanId(), n.derivedSymbol(), c));
        }
        return result;
    }

    /** The breadcrumb from the root plan's issuer to the entry's unit. */
    private List<CascadeLevel.Crumb> crumbs(CascadeTree.PlanNode root, CascadeTree.Entry entry) {
        List<CascadeLevel.Crumb> crumbs = new ArrayList<>();
        List<Long> chain = new CascadeTree.PlanNode(entry.planId(), null, 0, "", null, null, null, entry.planPath(), 0)
                .chain();
        int start = chain.indexOf(root.planId());
        for (int i = Math.max(0, start); i < chain.size(); i++) {
            CascadeTree.PlanNode p = tree.plan(chain.get(i)).orElseThrow();
            crumbs.add(new CascadeLevel.Crumb(p.issuerUnitId(), units.get(p.issuerUnitId()).name(), p.planId(),
                    p.symbol()));
        }
        // and the node itself, with the plan it derived (if any)
        String symbol = entry.derivedPlanId() == null ? null
                : tree.plan(entry.derivedPlanId()).map(CascadeTree.PlanNode::symbol).orElse(null);
        crumbs.add(new CascadeLevel.Crumb(entry.unitId(), units.get(entry.unitId()).name(),
                entry.derivedPlanId(), symbol));
        return crumbs;
    }

    private static CascadeNode node(ResultSet rs, LocalDate today) throws SQLException {
        CascadeState state = CascadeState.valueOf(rs.getString("state"));
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        long derived = rs.getLong("derived_plan_id");
        Long derivedId = rs.wasNull() ? null : derived;
        boolean overdue = (state == CascadeState.MISSING || state == CascadeState.DRAFT) && due != null
                && due.isBefore(today);
        return new CascadeNode(rs.getLong("unit_id"), rs.getString("name"), rs.getLong("plan_id"),
                rs.getString("symbol"), rs.getInt("level"), state, overdue, due,
                rs.getObject("issued_on", LocalDate.class), derivedId, rs.getString("derived_symbol"),
                CascadeCounts.ZERO);
    }
}
