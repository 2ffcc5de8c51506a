-- Roster details for compliance reporting, and what the coverage dashboard aggregates in SQL.
-- Plain SQL that runs on H2 and PostgreSQL.

-- The employer's staff id (matched on roster re-import), start date, named supervisor and whether the person
-- must train: REQUIRED, NOT_REQUIRED or LONG_TERM_LEAVE (the last two are kept out of percentages).
alter table staff_member add column staff_ref varchar(50);
alter table staff_member add column start_date date;
alter table staff_member add column supervisor_id bigint references staff_member (id);
alter table staff_member add column training varchar(20) default 'REQUIRED' not null;
create unique index uq_staff_ref on staff_member (staff_ref);
create index ix_staff_email on staff_member (email);

-- Where each trainee stands, kept up to date whenever their evidence changes, so dashboards count in SQL
-- instead of reading every attempt. The status itself is worked out at query time from these columns:
-- sign_off NONE / ACTIVE / REVOKED, refresher_due for ACTIVE, ready_until (ready for sign-off until then,
-- when the oldest call that counts leaves the window), started (any finished call) and the blocking
-- readiness conditions by code.
create table trainee_status (
    trainee_id     bigint       not null primary key references staff_member (id),
    sign_off       varchar(10)  not null,
    refresher_due  date,
    ready_until    timestamp with time zone,
    started        boolean      not null,
    blocking       varchar(200) not null,
    last_activity  timestamp with time zone,
    policy_version varchar(40)  not null,
    updated_at     timestamp with time zone not null
);

-- The route the trainee chose, for item analysis (most common wrong route).
alter table attempt add column route_chosen varchar(50);
create index ix_attempt_ended on attempt (ended_at);
create index ix_attempt_scenario on attempt (scenario_id, status);

-- Each must-ask red-flag screen of a finished call and whether it was asked before routing.
create table attempt_screen (
    attempt_id varchar(36)  not null references attempt (id),
    screen     varchar(300) not null,
    asked      boolean      not null,
    primary key (attempt_id, screen)
);
