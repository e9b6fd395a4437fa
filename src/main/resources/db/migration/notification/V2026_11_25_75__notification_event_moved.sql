-- Notices that an event a unit's tasks or phases depend on has moved (kind RESCHEDULED, item_type EVENT, item_id the
-- event), and reminders that follow a due date when it moves.
--
-- occasion: what the notice is about beyond (item, stage, unit): for a reminder the due date it reminds of (so that a
-- task whose due moved is reminded again for its new date), for an event notice the move (old and new dates), so that
-- each unit is told once per move. detail: the notice's text when it has no task (an event notice).
alter table notification add column occasion varchar(60) not null default '';
alter table notification add column detail varchar(4000);
alter table notification drop constraint notification_uq;
alter table notification add constraint notification_uq unique (item_type, item_id, stage, unit_id, occasion);
alter table notification drop constraint notification_kind_ck;
alter table notification add constraint notification_kind_ck
    check (kind in ('REMINDER', 'OVERDUE', 'ESCALATION', 'RESCHEDULED'));

-- whether a user wants the notices of moved dates (default: yes)
alter table notification_preference add column changes boolean not null default true;
