-- Nhập từ tệp: the SHA-256 of the file a draft was imported from (hex), so that the same file uploaded twice by a unit
-- does not make a second plan without the official being asked. Null for a plan written in the system.
alter table plan add column source_sha256 varchar(64);
create index plan_source_idx on plan (issuer_unit_id, source_sha256);
