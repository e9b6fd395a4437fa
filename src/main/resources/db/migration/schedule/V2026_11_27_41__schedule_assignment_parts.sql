-- An assignment's units may be more than one bound array can hold on H2 (65,536: vn.lantoa.shared.SqlArrays), so an
-- assignment is stored as one row per part of at most that many units; part 0 for every row written so far.
alter table schedule_plan_assignment add column part integer default 0 not null;
alter table schedule_plan_assignment drop constraint schedule_plan_assignment_pk;
alter table schedule_plan_assignment add constraint schedule_plan_assignment_pk
    primary key (plan_id, assignment_index, part);
