-- Month roll-ups behind the service lead's 12-month trend (assessed calls and passes per month), kept with
-- the weak-spot roll-ups in the same transaction as the evidence that changes them, so the trend reads a few
-- hundred rows instead of every assessed call of the year. A month is a calendar month in Europe/London
-- ('2026-03'). A pass counts after supervisors' overrides, as in weak spots and readiness. Owned by coverage.
create table rollup_trainee_month (
    trainee_id     bigint     not null references staff_member (id),
    calendar_month varchar(7) not null,
    calls          integer    not null,
    passed         integer    not null,
    primary key (trainee_id, calendar_month)
);

create table rollup_practice_month (
    practice_id    bigint     not null references practice (id),
    calendar_month varchar(7) not null,
    calls          integer    not null,
    passed         integer    not null,
    primary key (practice_id, calendar_month)
);
