-- The plan list filters by event and by phase in SQL: each plan's event names and phase labels and titles (nested
-- phases too), folded (no diacritics, lower case, letters, digits and spaces only) and joined by ' | ', so that
-- "like '%dai hoi%'" finds a plan whatever diacritics were typed. Written on every save; null for plans stored
-- before this migration until the application fills them at start (PlanSearchKeys).
alter table plan add column event_key varchar(20000);
alter table plan add column phase_key varchar(20000);
