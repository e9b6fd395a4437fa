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
 * <p>Tables: {@code plan}, {@code plan_revision} (migrations under {@code db/migration/plan}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kế hoạch")
package vn.lantoa.plan;
