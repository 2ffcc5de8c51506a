-- The competency framework in force, imported by administrators (first filled from the shipped CSV).
create table competency (
    id          varchar(20)   not null primary key,
    position    integer       not null,
    tier        integer       not null,
    domain      varchar(200)  not null,
    title       varchar(200)  not null,
    description varchar(2000) not null
);
