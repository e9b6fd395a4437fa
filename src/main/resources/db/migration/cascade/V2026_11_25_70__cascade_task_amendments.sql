-- Dues tied to events, and amendments of issued plans.
--
-- cascade_plan_task.(assignment_index, task_index) become the task's stable slot in the plan: equal to its place in
-- the plan JSON at the first issue, kept when an amendment moves, rewrites or drops it (the units' task rows point to
-- the slot). pos_assignment/pos_task are the task's place in the current revision's JSON (the JSON pointer of its due
-- time); both null, and cancelled_revision set, once an amendment has removed it. event_name: the event its due is
-- relative to, so that a moved event finds the plans to resolve again (EventRescheduled).
alter table cascade_plan_task add column event_name varchar(1000);
alter table cascade_plan_task add column pos_assignment integer;
alter table cascade_plan_task add column pos_task integer;
alter table cascade_plan_task add column cancelled_revision integer;
update cascade_plan_task set pos_assignment = assignment_index, pos_task = task_index;
create index cascade_plan_task_event_idx on cascade_plan_task (event_name);

-- the last revision of the plan whose tasks were applied (a redelivered PlanIssued changes nothing)
alter table cascade_plan add column revision integer not null default 1;

-- CANCELLED: removed by an amendment while open ("đã hủy theo văn bản sửa đổi"); a done task an amendment removes stays
-- DONE, with cancelled_at set.
alter table task add column cancelled_at timestamp with time zone;
alter table task drop constraint task_status_ck;
alter table task add constraint task_status_ck check (status in ('OPEN', 'DONE', 'CANCELLED'));
