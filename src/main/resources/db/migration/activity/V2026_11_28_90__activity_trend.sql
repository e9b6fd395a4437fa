-- Xu hướng: live counters of recorded activities for the dashboards of the top levels (the country and the provinces),
-- so that their charts per month and per phase and their figures per child unit are one indexed lookup instead of a
-- scan of every activity of the subtree (at 10 M activities: 16 s for the country, seconds for a province).
-- Kept by ActivityTrends in the transaction that records the activity (a listener of ActivityRecorded).
--
-- unit_path is the subtree: the first segments of the recording unit's path at the time of writing (the same path the
-- activity row keeps), so that a subtree's counters are exactly what a range of activity.unit_path gives. Rows:
--   kind 'M'  subtrees at depth 0 and 1, bucket the month of starts_on ('2025-03'), per channel and indicator
--             (indicator_code '' = the number of activities, else the sum of the outputs);
--   kind 'P'  subtrees at depth 0 and 1, bucket the phase label ('' for none), per channel: the number of activities;
--   kind 'U'  subtrees at depth 1 and 2, bucket, channel and indicator_code '': the number of activities (the figure
--             per child unit of the dashboards of depth 0 and 1).
-- slot spreads the rows at depth 0 and 1 over 8 rows by activity id, as activity_total does (readers add the slots
-- up); depth 2 uses slot 0.
create table activity_trend (
    plan_id         bigint not null,
    unit_path       varchar(1000) ${pathCollation} not null,
    kind            varchar(1) not null,
    bucket          varchar(200) not null,
    channel         varchar(30) not null,
    indicator_code  varchar(60) not null,
    slot            integer not null,
    quantity        bigint not null,
    primary key (plan_id, unit_path, kind, bucket, channel, indicator_code, slot)
);

-- the activities already there (sums in slot 0). p1, p2, p3: the lengths (with their '/') of the first three
-- segments of the path, 0 when there is no such segment; the depth-d subtree is the path's first 1 + p1 + .. + pd+1
-- characters.
insert into activity_trend (plan_id, unit_path, kind, bucket, channel, indicator_code, slot, quantity)
select t.plan_id, t.prefix, t.kind, t.bucket, t.channel, '', 0, count(*)
from (
    select a.plan_id,
           case d.depth when 0 then substring(a.unit_path from 1 for 1 + a.p1)
                        when 1 then substring(a.unit_path from 1 for 1 + a.p1 + a.p2)
                        else substring(a.unit_path from 1 for 1 + a.p1 + a.p2 + a.p3) end as prefix,
           d.kind,
           case d.kind when 'M' then cast(cast(extract(year from a.starts_on) as integer) as varchar(4)) || '-'
                                     || lpad(cast(cast(extract(month from a.starts_on) as integer) as varchar(2)), 2,
                                             '0')
                       when 'P' then coalesce(a.phase_label, '')
                       else '' end as bucket,
           case d.kind when 'U' then '' else a.channel end as channel
    from (
        select y.plan_id, y.unit_path, y.channel, y.starts_on, y.phase_label, y.p1, y.p2,
               position('/' in substring(y.unit_path from 2 + y.p1 + y.p2)) as p3
        from (
            select z.plan_id, z.unit_path, z.channel, z.starts_on, z.phase_label, z.p1,
                   position('/' in substring(z.unit_path from 2 + z.p1)) as p2
            from (
                select plan_id, unit_path, channel, starts_on, phase_label,
                       position('/' in substring(unit_path from 2)) as p1
                from activity
            ) z
        ) y
    ) a
    join (values ('M', 0), ('M', 1), ('P', 0), ('P', 1), ('U', 1), ('U', 2)) as d(kind, depth)
        on d.depth = 0 or (d.depth = 1 and a.p2 > 0) or (d.depth = 2 and a.p2 > 0 and a.p3 > 0)
) t
group by t.plan_id, t.prefix, t.kind, t.bucket, t.channel;

insert into activity_trend (plan_id, unit_path, kind, bucket, channel, indicator_code, slot, quantity)
select t.plan_id, t.prefix, 'M', t.bucket, t.channel, t.indicator_code, 0, sum(t.quantity)
from (
    select a.plan_id,
           case d.depth when 0 then substring(a.unit_path from 1 for 1 + a.p1)
                        else substring(a.unit_path from 1 for 1 + a.p1 + a.p2) end as prefix,
           cast(cast(extract(year from a.starts_on) as integer) as varchar(4)) || '-'
               || lpad(cast(cast(extract(month from a.starts_on) as integer) as varchar(2)), 2, '0') as bucket,
           a.channel, o.indicator_code, o.quantity
    from (
        select z.id, z.plan_id, z.unit_path, z.channel, z.starts_on, z.p1,
               position('/' in substring(z.unit_path from 2 + z.p1)) as p2
        from (
            select id, plan_id, unit_path, channel, starts_on, position('/' in substring(unit_path from 2)) as p1
            from activity
        ) z
    ) a
    join activity_output o on o.activity_id = a.id
    join (values (0), (1)) as d(depth) on d.depth = 0 or a.p2 > 0
) t
group by t.plan_id, t.prefix, t.bucket, t.channel, t.indicator_code;
