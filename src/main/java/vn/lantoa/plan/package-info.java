/**
 * Kế hoạch: plans as the system keeps them — the {@code lantoa.plan/1} document (stored whole, as the document of a
 * revision, so that nothing the format holds is lost) and the columns that lists query; the lifecycle DRAFT → ISSUED
 * (→ amended by a new revision, later) → CLOSED; issuing with its checks; the HTTP API under {@code /api/v1/plans}.
 *
 * <p><b>Who sees a plan (for now; RELIABILITY.md §(a) will refine it with the plan relations).</b>
 * <ul>
 * <li>A plan is visible to users whose unit is its issuer unit or an ancestor of it (the issuer lies in their
 * subtree), whatever its status.</li>
 * <li>An issued or closed plan is also visible to users in the issuer's subtree. A draft is not: it concerns no one
 * below until it is issued.</li>
 * <li>Anyone else gets 404 {@code PLAN_NOT_FOUND}, exactly as for a plan that does not exist (on GET, PUT and POST);
 * lists leave such plans out in the SQL.</li>
 * <li>A system administrator reads no plan content (404, empty lists): separation of duties; a break-glass read with
 * an audited reason is not built yet.</li>
 * </ul>
 * The classification (PUBLIC / INTERNAL) is stored and validated but does not change visibility yet: the rules above
 * are already no wider than the INTERNAL ones of §(a).
 *
 * <p><b>Who writes.</b> Only an OFFICER or UNIT_ADMIN of the issuer unit itself creates (the issuer is always the
 * creator's unit, never taken from the body), saves drafts and issues. A LEADER, a SYS_ADMIN, or a user of a parent
 * or child unit who can see the plan gets 403 {@code FORBIDDEN}; one who cannot see it gets 404.
 *
 * <p><b>State and versions.</b> Every save carries the version it replaces (If-Match or {@code version}); a stale one
 * is 409 {@code STALE_VERSION} and changes nothing (I-3). An issued plan is not edited (409 {@code PLAN_NOT_DRAFT}),
 * nor issued again (409 {@code PLAN_ALREADY_ISSUED}); one issued plan per (issuer unit, symbol) (I-2, 409
 * {@code PLAN_DUPLICATE_SYMBOL}, held by a unique index). Issuing needs number, symbol, date, issuer, title, signer and
 * at least one assignment (422 {@code PLAN_INCOMPLETE}, property {@code missing}).
 *
 * <p><b>Units and bases.</b> Each assignment heading is matched to units of the tree when a draft is saved
 * ({@link vn.lantoa.plan.AssignmentMatch}: one unit, a group of units, or nothing guessed — a person picks); each basis
 * whose symbol is an issued plan of the issuer's line links to it, a link closing a cycle refused. Both go into
 * {@link vn.lantoa.plan.PlanIssued} (assignedUnits, basisPlanIds).
 *
 * <p><b>Checks.</b> {@link vn.lantoa.plan.PlanCheck} is the SPI: every bean implementing it runs when a plan is checked
 * ({@code GET /api/v1/plans/{id}/checks}) and before it is issued; a BLOCKING finding stops the issue (422
 * {@code PLAN_CHECK_FAILED}, property {@code findings}).
 *
 * <p>Tables: {@code plan}, {@code plan_revision}, {@code plan_assignment}, {@code plan_assignment_unit},
 * {@code plan_basis} (migrations under {@code db/migration/plan}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kế hoạch")
package vn.lantoa.plan;
