-- A clinical reviewer's comments on single variants of a scenario version, kept with their decision.
create table scenario_review_comment (
    review_id  bigint        not null references scenario_review (id),
    variant_id varchar(100)  not null,
    comments   varchar(2000) not null,
    primary key (review_id, variant_id)
);
