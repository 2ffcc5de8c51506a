-- Failed sign-ins by username (trimmed, lower case), kept in the database so that a lockout holds on every
-- instance behind a load balancer, not only the one that counted. Bounded by size and age in the code.
create table sign_in_failure (
    username_key varchar(64)              not null primary key,
    failures     integer                  not null,
    locked_until timestamp with time zone,
    last_failure timestamp with time zone not null
);
create index ix_sign_in_failure_last on sign_in_failure (last_failure);
