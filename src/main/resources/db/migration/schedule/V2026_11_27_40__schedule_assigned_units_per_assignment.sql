-- The calendar's index of the units an issued plan assigns, one row per assignment instead of one per unit
-- (PERFORMANCE.md W2: a national plan wrote 60,628 schedule_plan_unit rows and two index entries each after every
-- issue; now 4 rows). The calendar always reads a plan's units all at once (by plan_id), so an array loses nothing;
-- schedule_plan_unit_unit_idx was used by no query.
create table schedule_plan_assignment (
    plan_id           bigint not null,
    assignment_index  integer not null,
    unit_ids          bigint array not null,
    constraint schedule_plan_assignment_pk primary key (plan_id, assignment_index)
);

insert into schedule_plan_assignment (plan_id, assignment_index, unit_ids)
    select plan_id, assignment_index, array_agg(unit_id order by unit_id)
    from schedule_plan_unit group by plan_id, assignment_index;

drop table schedule_plan_unit;
