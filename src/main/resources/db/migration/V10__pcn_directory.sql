-- A PCN can share a directory entry with all its practices (a PCN-wide physio or social prescribing service);
-- a practice's own entry for the same route wins.
create table pcn_local_service (
    pcn_id   bigint        not null references pcn (id),
    route_id varchar(50)   not null,
    name     varchar(200)  not null,
    access   varchar(500),
    contact  varchar(200),
    hours    varchar(200),
    notes    varchar(1000),
    primary key (pcn_id, route_id)
);
