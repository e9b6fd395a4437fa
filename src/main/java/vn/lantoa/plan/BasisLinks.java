package vn.lantoa.plan;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.planformat.DocumentRef;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanViolation;

/**
 * Căn cứ → kế hoạch trong hệ thống: a basis whose symbol is the symbol of an issued plan of the issuer's line (its
 * own unit, a unit above it, or a unit in its grandparent's subtree — a symbol such as "361-KH/TU" is not unique
 * across provinces) points at that plan; when the basis gives a date, the plan must bear it. One such plan makes a
 * link, none or several leave the basis as a reference. A link that would close a cycle (the basis plan implements,
 * directly or not, this plan) is refused.
 */
@Service
class BasisLinks {

    private final JdbcClient jdbc;
    private final Units units;

    BasisLinks(JdbcClient jdbc, Units units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** For each basis of the plan, the plan it points at or null. */
    List<Long> resolve(long planId, long issuerUnitId, Plan plan) {
        Unit issuer = units.get(issuerUnitId);
        List<Unit> ancestors = units.ancestors(issuerUnitId);
        Unit scope = ancestors.isEmpty() ? issuer : ancestors.get(Math.max(0, ancestors.size() - 2));
        List<Long> out = new ArrayList<>();
        for (DocumentRef b : plan.bases()) {
            out.add(b.symbol() == null ? null : find(planId, b.symbol(), b.issuedOn(), scope));
        }
        return out;
    }

    private Long find(long planId, String symbol, LocalDate issuedOn, Unit scope) {
        record Hit(long id, LocalDate issuedOn) {
        }
        List<Hit> hits = jdbc.sql("select p.id, p.issued_on from plan p join unit u on u.id = p.issuer_unit_id "
                        + "where p.issued_symbol = :symbol and p.status <> 'DRAFT' and p.id <> :self "
                        + "and u.path >= :p and u.path < :upper")
                .param("symbol", symbol).param("self", planId).param("p", scope.path())
                .param("upper", Units.upperBound(scope.path()))
                .query((rs, i) -> new Hit(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
        if (issuedOn != null) {
            List<Hit> dated = hits.stream().filter(h -> issuedOn.equals(h.issuedOn())).toList();
            if (!dated.isEmpty()) {
                hits = dated;
            }
        }
        return hits.size() == 1 ? hits.get(0).id() : null;
    }

    /** The bases whose link would close a cycle back to {@code planId}, as violations of the plan. */
    List<PlanViolation> cycles(long planId, Plan plan, List<Long> links) {
        List<PlanViolation> out = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            Long target = links.get(i);
            if (target != null && reaches(target, planId)) {
                out.add(new PlanViolation("/bases/" + i + "/symbol", "basis-cycle",
                        PlanMessages.get("plan.violation.basis-cycle", plan.bases().get(i).symbol())));
            }
        }
        return out;
    }

    /** Whether {@code from} implements {@code to}, directly or through other plans. */
    private boolean reaches(long from, long to) {
        Set<Long> seen = new HashSet<>();
        Deque<Long> next = new ArrayDeque<>(List.of(from));
        while (!next.isEmpty()) {
            long at = next.pop();
            if (at == to) {
                return true;
            }
            if (seen.add(at) && seen.size() < 10_000) {
                next.addAll(linked(at));
            }
        }
        return false;
    }

    /** The plans a plan implements (its stored links). */
    List<Long> linked(long planId) {
        return jdbc.sql("select basis_plan_id from plan_basis where plan_id = :id and basis_plan_id is not null "
                + "order by basis_index").param("id", planId).query(Long.class).list();
    }

    /** For each basis by index, its stored link or null. */
    List<Long> links(long planId, int count) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(null);
        }
        jdbc.sql("select basis_index, basis_plan_id from plan_basis where plan_id = :id").param("id", planId)
                .query(rs -> {
                    int i = rs.getInt(1);
                    long target = rs.getLong(2);
                    if (i < count && !rs.wasNull()) {
                        out.set(i, target);
                    }
                });
        return out;
    }

    /** The plans that implement this one (issued or not): the cascade's children. */
    List<Long> implementing(long planId) {
        return jdbc.sql("select distinct plan_id from plan_basis where basis_plan_id = :id order by plan_id")
                .param("id", planId).query(Long.class).list();
    }

    void store(long planId, Plan plan, List<Long> links) {
        jdbc.sql("delete from plan_basis where plan_id = :id").param("id", planId).update();
        for (int i = 0; i < plan.bases().size(); i++) {
            String symbol = plan.bases().get(i).symbol();
            jdbc.sql("insert into plan_basis (plan_id, basis_index, symbol, basis_plan_id) "
                            + "values (:id, :i, :symbol, :target)")
                    .param("id", planId).param("i", i)
                    .param("symbol", symbol == null ? null : symbol.length() > 200 ? symbol.substring(0, 200) : symbol)
                    .param("target", links.get(i)).update();
        }
    }
}
