-- Xây dựng kế hoạch thực hiện: the draft a unit derived from a parent plan, once per (parent, unit), so that a double
-- click (or two officers at once) gives the same draft instead of two.
create table cascade_derivation (
    parent_plan_id  bigint not null,
    unit_id         bigint not null,
    plan_id         bigint not null,
    created_by      bigint not null,
    created_at      timestamp with time zone not null,
    primary key (parent_plan_id, unit_id)
);
