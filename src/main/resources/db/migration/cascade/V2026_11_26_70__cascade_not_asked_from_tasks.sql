-- Issuing to 60,000 units writes fewer and narrower rows (PERFORMANCE.md W2, docs/adr/0071-not-asked-units-from-tasks.md).
--
-- 1. A unit that a plan gives tasks but no plan to build (NOT_ASKED) has no cascade_entry row any more: it is the
--    unit's live tasks of the plan (task rows with cancelled_at null) without an entry, read from task. cascade_entry
--    keeps the units asked for a plan (MISSING), the ones that answered (DRAFT, ON_TIME, LATE, whatever they were
--    asked), and the rare unit assigned with no task at all (NOT_ASKED, stored). The counters (cascade_count) are
--    unchanged: they still count every state.
delete from cascade_entry
where state = 'NOT_ASKED'
  and exists (select 1 from task t where t.plan_id = cascade_entry.plan_id and t.unit_id = cascade_entry.unit_id
                                     and t.cancelled_at is null);

-- 2. task keeps three indexes: its id, (plan, unit, slot) and the unit. The reminders find the open tasks due in a
--    window through their plan task's due date (a small table) instead of an index of every task by (status, due).
drop index task_due_idx;
drop index task_unit_idx;
create index task_unit_idx on task (unit_id);
create index cascade_plan_task_due_idx on cascade_plan_task (due_on);
