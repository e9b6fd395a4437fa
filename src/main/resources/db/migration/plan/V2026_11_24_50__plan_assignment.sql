-- Đối chiếu đơn vị: each assignment heading of a plan matched to units of the organization tree.
--
-- plan_assignment: one row per assignment (by its index in the plan's "assignments"), with the heading as it was
-- matched (a changed heading is matched again), how it was matched (MATCHED, GROUP, AMBIGUOUS, UNMATCHED) and
-- whether a person confirmed or picked its units (kept while the heading stays the same).
-- plan_assignment_unit: the units of a heading (chosen = true; several for a group heading) and the candidates
-- offered to a person (chosen = false). The chosen rows are the cascade's "which units does this plan assign".
create table plan_assignment (
    plan_id           bigint not null references plan (id),
    assignment_index  integer not null,
    heading           varchar(2000) not null,
    state             varchar(12) not null,
    confirmed         boolean not null default false,
    confirmed_by      bigint,
    confirmed_at      timestamp with time zone,
    primary key (plan_id, assignment_index),
    constraint plan_assignment_state_ck check (state in ('MATCHED', 'GROUP', 'AMBIGUOUS', 'UNMATCHED'))
);

create table plan_assignment_unit (
    plan_id           bigint not null,
    assignment_index  integer not null,
    unit_id           bigint not null references unit (id),
    chosen            boolean not null,
    position          integer not null,
    primary key (plan_id, assignment_index, unit_id, chosen),
    foreign key (plan_id, assignment_index) references plan_assignment (plan_id, assignment_index)
);

create index plan_assignment_unit_unit_idx on plan_assignment_unit (unit_id, chosen);
