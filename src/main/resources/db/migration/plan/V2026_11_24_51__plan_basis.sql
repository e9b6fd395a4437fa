-- Căn cứ: each basis of a plan (by its index in the plan's "bases"), and the plan of the system it points at when
-- its symbol matched an issued plan near the issuer (basis_plan_id, null: only a reference). These links are the
-- cascade's edges: plan_id implements basis_plan_id. A cycle of links is refused when a plan is saved.
create table plan_basis (
    plan_id        bigint not null references plan (id),
    basis_index    integer not null,
    symbol         varchar(200),
    basis_plan_id  bigint references plan (id),
    primary key (plan_id, basis_index)
);

create index plan_basis_target_idx on plan_basis (basis_plan_id);
