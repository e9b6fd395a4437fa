-- Số liệu cộng dồn: live totals of recorded activities per (plan, period, unit, channel, indicator), kept in the
-- transaction that records the activity, so that a total is exact the moment the activity is committed.
--
-- Two kinds of rows (PERFORMANCE.md §3.9, trap 5: per-unit rows alone aggregate nothing at the top):
--   own = true   the unit's own activities: one set of rows per unit; drill-down and "per level" read these by path;
--   own = false  the unit's whole subtree (itself included): a row for the unit and for each of its ancestors, so
--                that any level's total is one indexed lookup with no recursion and no scan.
-- indicator_code '' holds the number of activities on the channel.
-- slot spreads the rows of the top levels (depth <= 1, which every write in the country touches) over 8 rows, so
-- that concurrent writers do not queue on one row lock; readers add the slots up.
-- parent_id is the row's unit's parent: the totals per child unit are one lookup by parent.
create table activity_total (
    plan_id         bigint not null,
    period_id       varchar(10) not null,
    unit_id         bigint not null,
    own             boolean not null,
    channel         varchar(30) not null,
    indicator_code  varchar(60) not null,
    slot            integer not null,
    parent_id       bigint,
    depth           integer not null,
    unit_path       varchar(1000) ${pathCollation} not null,
    quantity        bigint not null,
    primary key (plan_id, period_id, unit_id, own, channel, indicator_code, slot)
);

create index activity_total_parent_idx on activity_total (plan_id, period_id, parent_id, own);
create index activity_total_path_idx on activity_total (plan_id, period_id, own, unit_path);
