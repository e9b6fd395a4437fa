package vn.lantoa.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.shared.SqlArrays;

/**
 * A plan may assign more units than one bound SQL array holds on H2 (65,536): the set-based writes of an issue — the
 * units' tasks and their cascade rows — go in several statements then, and write every row. Run in a transaction that
 * is rolled back, so the shared test database keeps none of the 70,000 rows.
 */
@SpringBootTest
class CascadeLargeAssignmentTest {

    static final int UNITS = SqlArrays.MAX_ELEMENTS + 4_464;

    @Autowired
    UnitManagement unitManagement;
    @Autowired
    PlanManagement plans;
    @Autowired
    CascadeTasks tasks;
    @Autowired
    CascadeTree tree;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void anAssignmentOfMoreUnitsThanOneArrayHoldsWritesEveryUnitsTasksAndRows() {
        PlanFixture fixture = new PlanFixture(unitManagement);
        CurrentUser officer = PlanFixture.user(fixture.province, Role.OFFICER);
        String assignments = """
                [ { "unit": "CITY", "role": "lead",
                    "tasks": [ { "text": "Xây dựng kế hoạch", "due": { "date": "2025-01-10" }, "kind": "plan" } ] } ]
                """.replace("CITY", fixture.city.name());
        StoredPlan plan = plans.create(officer, PlanInput.parse(CascadeAmendmentTest.PLAN
                .replace("TOKEN", fixture.token).replace("ASSIGNMENTS", assignments)));
        plans.issue(officer, plan.id(), null);
        CascadeTree.PlanNode node = tree.plan(plan.id()).orElseThrow();

        // unit ids no real unit has (task and cascade_entry do not reference the unit table)
        long first = 8_000_000_000L + (System.nanoTime() % 1_000_000L) * 100_000L;
        long[] units = new long[UNITS];
        for (int i = 0; i < UNITS; i++) {
            units[i] = first + UNITS - i; // descending: the writer sorts them
        }
        int[] slots = new int[UNITS]; // all of assignment 0, whose one task is the plan task
        List<CascadeTree.Entry> entries = new ArrayList<>();
        for (long unit : units) {
            entries.add(new CascadeTree.Entry(plan.id(), unit, node.path(), node.level() + 1, LocalDate.of(2025, 1, 10),
                    CascadeState.MISSING, null, null));
        }

        tx.executeWithoutResult(status -> {
            assertThat(tasks.insertAssigned(plan.id(), units, slots)).isEqualTo(UNITS);
            tree.insertEntries(node, entries, 0);
            long last = first + UNITS;
            assertThat(jdbc.queryForObject("select count(*) from task where plan_id = ? and unit_id between ? and ? "
                    + "and kind = 'PLAN' and status = 'OPEN' and due_on = ?", Long.class, plan.id(), first + 1, last,
                    java.sql.Date.valueOf(LocalDate.of(2025, 1, 10)))).isEqualTo(UNITS);
            assertThat(jdbc.queryForObject("select count(distinct unit_id) from cascade_entry where plan_id = ? "
                    + "and unit_id between ? and ? and state = 'MISSING'", Long.class, plan.id(), first + 1, last))
                    .isEqualTo(UNITS);
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select count(*) from task where plan_id = ? and unit_id >= ?", Long.class,
                plan.id(), first)).isZero();
        assertThat(Arrays.stream(units).min().getAsLong()).isEqualTo(first + 1);
    }
}
