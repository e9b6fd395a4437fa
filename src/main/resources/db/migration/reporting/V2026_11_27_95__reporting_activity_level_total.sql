-- Số liệu theo cấp: live totals of the units' own activities per level (depth of the recording unit) under each unit
-- of the top two depths (the root and the provinces), so that a consolidation's "per level" section at those levels
-- is one indexed lookup instead of a range scan over every own row of the subtree (at 10 M activities: 38,903 rows
-- per province and quarter, 150 ms; PERFORMANCE.md W9). Below depth 1 a subtree is small and perLevel reads its own
-- rows by path, as before.
-- unit_id is the ancestor (depth 0 or 1, taken from the recording unit's path, as activity_total's subtree rows),
-- level the depth of the units whose own activities are counted (the ancestor's own depth included). Kept by
-- ActivityTotals.add in the transaction that records the activity; slot spreads the rows over 8 like the top
-- levels' rows of activity_total (readers add the slots up).
create table activity_level_total (
    plan_id         bigint not null,
    period_id       varchar(10) not null,
    unit_id         bigint not null,
    level           integer not null,
    channel         varchar(30) not null,
    indicator_code  varchar(60) not null,
    slot            integer not null,
    quantity        bigint not null,
    primary key (plan_id, period_id, unit_id, level, channel, indicator_code, slot)
);

-- the totals already there: each own row counted for the first two units of its path (one pass over the own rows;
-- sums in slot 0)
insert into activity_level_total (plan_id, period_id, unit_id, level, channel, indicator_code, slot, quantity)
select t.plan_id, t.period_id,
       cast(case when d.k = 0 then substring(t.unit_path, 2, position('/' in substring(t.unit_path, 2)) - 1)
            else substring(substring(t.unit_path, position('/' in substring(t.unit_path, 2)) + 2), 1,
                 position('/' in substring(t.unit_path, position('/' in substring(t.unit_path, 2)) + 2)) - 1)
            end as bigint),
       t.depth, t.channel, t.indicator_code, 0, sum(t.quantity)
from activity_total t
cross join (values (0), (1)) as d(k)
where t.own = true and t.depth >= d.k
group by t.plan_id, t.period_id,
       cast(case when d.k = 0 then substring(t.unit_path, 2, position('/' in substring(t.unit_path, 2)) - 1)
            else substring(substring(t.unit_path, position('/' in substring(t.unit_path, 2)) + 2), 1,
                 position('/' in substring(t.unit_path, position('/' in substring(t.unit_path, 2)) + 2)) - 1)
            end as bigint),
       t.depth, t.channel, t.indicator_code;
