-- Tình hình báo cáo theo cấp: per-ancestor counters of report states, so that "who reported for this period" at any
-- level (the whole country included) is one indexed lookup, not a recursive walk over 60,000 units and their
-- reports (PERFORMANCE.md W6). One row per (plan, period, ancestor unit, level of the reporting units): unit_id is
-- the ancestor (the reporting unit itself included), level the depth of the units counted, parent_id the ancestor's
-- parent (the counts per child unit are one lookup by parent). Kept in the transaction that submits, returns or
-- accepts a report. reported = submitted or accepted; on_time and late split them; returned = sent back.
create table report_count (
    plan_id    bigint not null,
    period_id  varchar(10) not null,
    unit_id    bigint not null,
    level      integer not null,
    parent_id  bigint,
    reported   bigint not null default 0,
    on_time    bigint not null default 0,
    late       bigint not null default 0,
    accepted   bigint not null default 0,
    returned   bigint not null default 0,
    primary key (plan_id, period_id, unit_id, level)
);

create index report_count_parent_idx on report_count (plan_id, period_id, parent_id);

-- the reports already there, counted for the units on their path
insert into report_count (plan_id, period_id, unit_id, level, parent_id, reported, on_time, late, accepted, returned)
select r.plan_id, r.period_id, a.id, u.depth, max(a.parent_id),
       sum(case when r.status in ('SUBMITTED', 'ACCEPTED') then 1 else 0 end),
       sum(case when r.status in ('SUBMITTED', 'ACCEPTED') and r.on_time = true then 1 else 0 end),
       sum(case when r.status in ('SUBMITTED', 'ACCEPTED') and r.on_time = false then 1 else 0 end),
       sum(case when r.status = 'ACCEPTED' then 1 else 0 end),
       sum(case when r.status = 'RETURNED' then 1 else 0 end)
from report r
join unit u on u.id = r.unit_id
join unit a on r.unit_path >= a.path and r.unit_path < substring(a.path, 1, length(a.path) - 1) || '0'
group by r.plan_id, r.period_id, a.id, u.depth;
