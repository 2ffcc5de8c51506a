-- Conversational calls: what the navigator typed is kept with the step it was heard as (ask, say, safety_net),
-- or as an 'utterance' step when it was heard as nothing the scenario scores. Calls taken before this change
-- were taken from the list of questions, so they are 'GUIDED'.
alter table attempt_event add column utterance varchar(500);
alter table attempt add column input_mode varchar(20) default 'GUIDED' not null;
create index attempt_event_kind on attempt_event (kind);
