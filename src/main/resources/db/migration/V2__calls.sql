-- Simulated calls. An attempt keeps the scenario id, version and variant it was taken on, and the
-- scenario file itself is kept per version, so later edits never change what an attempt meant.

alter table staff_member add column read_aloud boolean default false not null;

create table scenario_snapshot (
    scenario_id varchar(100)   not null,
    version     integer        not null,
    content     varchar(600000) not null,
    saved_at    timestamp with time zone not null,
    primary key (scenario_id, version)
);

create table attempt (
    id               varchar(36)  not null primary key,
    trainee_id       bigint       not null references staff_member (id),
    scenario_id      varchar(100) not null,
    scenario_version integer      not null,
    variant_id       varchar(100) not null,
    category         varchar(50)  not null,
    title            varchar(300) not null,
    mode             varchar(20)  not null,
    seed             bigint       not null,
    status           varchar(20)  not null,
    started_at       timestamp with time zone not null,
    ended_at         timestamp with time zone,
    percentage       numeric(5, 1),
    band             varchar(20),
    passed           boolean,
    critical         boolean,
    routing_grade    varchar(20),
    score_card       varchar(200000),
    constraint fk_attempt_scenario foreign key (scenario_id, scenario_version)
        references scenario_snapshot (scenario_id, version)
);
create index ix_attempt_trainee on attempt (trainee_id, started_at);
create index ix_attempt_status on attempt (status);

-- Every action of a call, appended as it happens and never changed.
create table attempt_event (
    attempt_id  varchar(36)   not null references attempt (id),
    seq         integer       not null,
    at_seconds  numeric(9, 1) not null,
    kind        varchar(20)   not null,
    content     varchar(4000),
    recorded_at timestamp with time zone not null,
    primary key (attempt_id, seq)
);
