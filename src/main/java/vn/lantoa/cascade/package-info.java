/**
 * Phân cấp kế hoạch (cascade): what happens below an issued plan. Issuing a plan gives each assigned unit its tasks
 * ({@code task}); a unit derives its own plan from its superior's in one step; the issuer sees, down the whole tree of
 * derived plans, who issued on time, who is late, who has only a draft and who is missing, and what each derived plan
 * left out of its parent (coverage). Also the generator of the synthetic national tree used by benchmarks.
 *
 * <p>The cascade view never recurses: every plan of a cascade carries its cascade path ({@code cascade_plan.path},
 * "/12/40/977/", plan ids from the root plan) and per-ancestor counters ({@code cascade_count}) are kept up to date
 * when a plan is issued or derived, so one level of the tree with its counts is a few index lookups
 * (PERFORMANCE.md W4).
 *
 * <p>Tables: {@code task}, {@code cascade_plan}, {@code cascade_entry}, {@code cascade_count} (migrations under
 * {@code db/migration/cascade}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Phân cấp kế hoạch")
package vn.lantoa.cascade;
