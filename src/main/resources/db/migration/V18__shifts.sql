-- Shift simulation (the 8am rush): a timed session in which callers queue and the trainee answers them one at a
-- time. The plan (who calls, when, how patient they are) is drawn from the shift definition with a recorded seed
-- and kept with the shift as JSON, so a shift reads the same after the library changes. What the trainee did is
-- appended as it happens (answering a caller, the shift pausing while they were away, the end); hang-ups and
-- ring-backs follow from the plan and those events.
create table shift (
    id                 varchar(36)   not null primary key,
    trainee_id         bigint        not null references staff_member (id),
    definition_id      varchar(100)  not null,
    definition_version integer       not null,
    title              varchar(300)  not null,
    seed               bigint        not null,
    plan               varchar(100000) not null,
    status             varchar(20)   not null,
    started_at         timestamp with time zone not null,
    last_seen_at       timestamp with time zone not null,
    ended_at           timestamp with time zone,
    passed             boolean
);
create index ix_shift_trainee on shift (trainee_id, started_at);

create table shift_event (
    shift_id    varchar(36)   not null references shift (id),
    seq         integer       not null,
    at_seconds  numeric(9, 1) not null,
    kind        varchar(20)   not null,
    caller_no   integer,
    attempt_id  varchar(36),
    content     varchar(1000),
    recorded_at timestamp with time zone not null,
    primary key (shift_id, seq)
);

-- A call taken in a shift: which shift, how long the caller had waited since first joining the queue, and the
-- opening they used (a hidden red flag starts with an ordinary request instead of the scenario's own opening).
alter table attempt add column shift_id varchar(36);
alter table attempt add column queued_seconds numeric(9, 1);
alter table attempt add column opening varchar(1000);
create index ix_attempt_shift on attempt (shift_id);
