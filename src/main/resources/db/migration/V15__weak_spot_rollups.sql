-- Roll-ups behind the service lead's weak spots, kept in the same transaction as the evidence that changes
-- them (a call ends, a finding is overridden), so the heat-maps and item analysis read a few thousand rows
-- instead of every call. Plain SQL that runs on H2 and PostgreSQL. Owned by the coverage module.
--
-- Per trainee: what was counted for them and under which practice (their practice when counted; a trainee
-- who moves is counted again under the new one), with the totals behind their mean score.
create table rollup_trainee (
    trainee_id  bigint        not null primary key references staff_member (id),
    practice_id bigint        references practice (id),
    calls       integer       not null,
    score_sum   numeric(14,2) not null
);

-- Per trainee and scenario: finished calls, calls passed (after supervisors' overrides) and the sum of scores.
create table rollup_trainee_scenario (
    trainee_id  bigint        not null references staff_member (id),
    scenario_id varchar(100)  not null,
    calls       integer       not null,
    passed      integer       not null,
    score_sum   numeric(14,2) not null,
    primary key (trainee_id, scenario_id)
);

-- Per trainee and red-flag screen: screens due and screens missed.
create table rollup_trainee_screen (
    trainee_id bigint       not null references staff_member (id),
    screen     varchar(300) not null,
    screens    integer      not null,
    missed     integer      not null,
    primary key (trainee_id, screen)
);

-- Per trainee, scenario and route: calls routed wrongly (over- or under-triage, ineligible, not routed) by
-- the route chosen ('' when none).
create table rollup_trainee_wrong_route (
    trainee_id  bigint       not null references staff_member (id),
    scenario_id varchar(100) not null,
    route       varchar(50)  not null,
    calls       integer      not null,
    primary key (trainee_id, scenario_id, route)
);

-- The same, summed by practice: what the weak-spots page reads.
create table rollup_practice_scenario (
    practice_id bigint        not null references practice (id),
    scenario_id varchar(100)  not null,
    calls       integer       not null,
    passed      integer       not null,
    score_sum   numeric(14,2) not null,
    primary key (practice_id, scenario_id)
);

create table rollup_practice_screen (
    practice_id bigint       not null references practice (id),
    screen      varchar(300) not null,
    screens     integer      not null,
    missed      integer      not null,
    primary key (practice_id, screen)
);

create table rollup_practice_wrong_route (
    practice_id bigint       not null references practice (id),
    scenario_id varchar(100) not null,
    route       varchar(50)  not null,
    calls       integer      not null,
    primary key (practice_id, scenario_id, route)
);

-- The title and category a scenario's calls were last recorded under (for scenarios no longer in the library).
create table rollup_scenario (
    scenario_id varchar(100) not null primary key,
    title       varchar(300) not null,
    category    varchar(50)  not null
);
