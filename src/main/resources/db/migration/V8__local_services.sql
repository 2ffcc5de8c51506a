-- Each practice's own services for the catalogue routes: what the practice calls them and how to reach them.
create table local_service (
    practice_id bigint        not null references practice (id),
    route_id    varchar(50)   not null,
    name        varchar(200)  not null,
    access      varchar(500),
    contact     varchar(200),
    hours       varchar(200),
    notes       varchar(1000),
    primary key (practice_id, route_id)
);
