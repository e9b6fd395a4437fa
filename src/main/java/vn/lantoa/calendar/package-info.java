/**
 * Lịch: events (congresses, anniversaries) and the legal arithmetic of deadlines — a period that starts with an event
 * starts the day after it (Bộ luật Dân sự 2015, Điều 147), a deadline on a weekend or public holiday moves to the next
 * working day (Điều 148), "trước ngày 15/3" is read strictly unless the plan says "đến hết ngày". Every computed date
 * carries the rule that produced it, so that a person sees why.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lịch")
package vn.lantoa.calendar;
