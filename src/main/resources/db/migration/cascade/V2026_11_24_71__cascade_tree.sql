-- Phân cấp kế hoạch: the tree of plans that implement each other, and the state of every assigned unit in it.
--
-- cascade_plan: every plan the cascade knows (issued, or a draft derived from a parent): its parent plan, and its
-- cascade path of plan ids from the root plan ("/12/40/977/") so that a plan's whole cascade is one range condition
-- (path >= p and path < p with its last '/' turned into '0'). ${pathCollation} gives the path a bytewise collation on
-- PostgreSQL, so that the range uses the plain btree index under JDBC (PERFORMANCE.md §3.9, trap 1).
create table cascade_plan (
    plan_id         bigint primary key references plan (id),
    parent_plan_id  bigint,
    issuer_unit_id  bigint not null,
    status          varchar(10) not null,
    symbol          varchar(200),
    title           varchar(4000),
    issued_on       date,
    path            varchar(1000) ${pathCollation} not null,
    level           integer not null,
    constraint cascade_plan_status_ck check (status in ('DRAFT', 'ISSUED'))
);

create index cascade_plan_path_idx on cascade_plan (path);
create index cascade_plan_parent_idx on cascade_plan (parent_plan_id, issuer_unit_id);

-- cascade_entry: one row per (plan, unit it assigns): the unit's answer to the plan. state: ON_TIME, LATE (its plan
-- issued after the due date), DRAFT (derived, not issued), MISSING (nothing yet), NOT_ASKED (no plan task for it).
-- plan_path is the assigning plan's cascade path, copied so that a subtree of the cascade is one range.
create table cascade_entry (
    plan_id          bigint not null,
    unit_id          bigint not null,
    plan_path        varchar(1000) ${pathCollation} not null,
    level            integer not null,
    due_on           date,
    state            varchar(10) not null,
    derived_plan_id  bigint,
    issued_on        date,
    primary key (plan_id, unit_id),
    constraint cascade_entry_state_ck check (state in ('ON_TIME', 'LATE', 'DRAFT', 'MISSING', 'NOT_ASKED'))
);

create index cascade_entry_path_idx on cascade_entry (plan_path, state);
create index cascade_entry_unit_idx on cascade_entry (unit_id);

-- cascade_count: per plan and per level below it (1 = the units the plan assigns), how many entries are in each
-- state in the plan's whole cascade. Kept in step by every issue and derive (per-ancestor counters: a level of the
-- cascade view with its counts is a primary-key read, PERFORMANCE.md W4).
create table cascade_count (
    plan_id    bigint not null,
    depth      integer not null,
    on_time    bigint not null default 0,
    late       bigint not null default 0,
    draft      bigint not null default 0,
    missing    bigint not null default 0,
    not_asked  bigint not null default 0,
    primary key (plan_id, depth)
);
