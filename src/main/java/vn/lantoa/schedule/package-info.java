/**
 * Lịch: the calendar of a unit (and, on request, of its subtree): the phases of the plans that concern it, its tasks'
 * dues, reporting dues, events and anniversaries, by month and as a list, and an iCalendar feed (RFC 5545) a phone
 * subscribes to with a secret in its URL, revocable.
 *
 * <p>Nothing dated is stored: each read resolves the plans' times through {@link vn.lantoa.event.EventTimes}, so a
 * changed event date shows at once. The module keeps only which issued plans exist and whom they assign (from
 * {@link vn.lantoa.plan.PlanIssued}, table {@code schedule_plan}, {@code schedule_plan_assignment}) for the feed, which is
 * read without a user session, and the feeds' secrets' hashes ({@code schedule_feed}).
 *
 * <p>Which plans a calendar shows: for a user, those {@link vn.lantoa.plan.PlanManagement#list} gives them (drafts of
 * their subtree too, marked); for a feed, the issued plans of the unit's issuer chain (the unit and the units above it)
 * and, with the subtree, of the units below. Task dues: all of a plan issued by the unit (or its subtree, when asked);
 * of a plan issued above, only the assignments that name the unit (or, when the plan's units are not matched yet, all).
 *
 * <p>Routes: {@code GET /schedule} (screen), {@code POST /schedule/feed}, {@code POST /schedule/feed/revoke},
 * {@code GET /schedule/ics/{token}.ics} (public: the secret is the credential), {@code GET /api/v1/plans/{id}/times}
 * (a plan's resolved times, with the same access as {@code GET /api/v1/plans/{id}}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lịch công tác")
package vn.lantoa.schedule;
