/**
 * Bảng theo dõi (dashboards): for one plan and one unit, what a leader reads at a glance — the plans issued down the
 * tree (from the cascade), the reports on time or late per period (from reporting, in the officials' words: hoàn thành
 * đúng hạn, hoàn thành quá hạn, đang thực hiện trong hạn, quá hạn chưa hoàn thành), the outputs per channel and
 * indicator per reporting period and per month, per phase and per child unit, and the deadlines coming and overdue.
 *
 * <p>A read-only module on top of the others' public APIs: it keeps no table. It sits above {@code cascade} and
 * {@code reporting} (which cannot depend on each other both ways), so neither needs to know about it. Who sees a
 * dashboard: whoever may read the plan and the unit (the unit in the user's subtree and in the plan's issuer's);
 * otherwise 404, as for a plan or report that does not exist.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bảng theo dõi")
package vn.lantoa.dashboard;
