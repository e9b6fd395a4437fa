/**
 * Hoạt động: what units did for a plan (title, dates, channel, phase and task served, place, description), their
 * measured outputs from the indicator catalogue, and their evidence (photos, PDF/DOCX files, links) kept in an
 * {@link vn.lantoa.activity.EvidenceStorage}. Publishes {@link vn.lantoa.activity.ActivityRecorded} inside the
 * recording transaction, so that the reporting module's live totals move with it, and keeps the dashboards' counters
 * of the top levels itself ({@link vn.lantoa.activity.ActivityTrends}: per month, phase and child unit of the country
 * and the provinces, read by {@link vn.lantoa.activity.ActivityFigures}).
 *
 * <p><b>Who records.</b> An OFFICER or UNIT_ADMIN of a unit records for the unit itself (never for another unit, A-09),
 * for an issued plan that concerns it: a plan its unit issued, or one issued above it (until the plan module matches
 * assignments to units, "assigned" is read as "below the issuer"). A plan the user may not see → 404
 * {@code PLAN_NOT_FOUND}; a plan they see but that is not theirs to record for (issued by a unit below), or a LEADER →
 * 403 {@code FORBIDDEN}; a draft → 409 {@code ACTIVITY_PLAN_NOT_ISSUED}; a closed unit → 409.
 *
 * <p><b>Who reads.</b> A unit's activities are read by the users of the unit and of its ancestors (its subtree's
 * activities), never by a system administrator (no report content without break-glass).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hoạt động")
package vn.lantoa.activity;
