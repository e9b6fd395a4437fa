-- Sửa đổi kế hoạch: an issued plan is amended by a new revision (plan_revision revision + 1), never edited in place.
-- The history shows who saved each revision and why: saved_by_name keeps the name shown at the time (the user may
-- be renamed or leave), note the reason the official gave for the amendment (null for the original).
alter table plan_revision add column saved_by_name varchar(200);
alter table plan_revision add column note varchar(2000);
-- closed_by / closed_at: who closed the plan (status CLOSED: the campaign is over; no more tasks nor amendments).
alter table plan add column closed_by bigint;
alter table plan add column closed_at timestamp with time zone;
