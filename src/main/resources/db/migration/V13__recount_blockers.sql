-- Conditions with nothing yet to judge them on (no assessed calls for the bands or critical findings) are
-- "not yet evidenced", no longer counted as blocking. Mark every status row for a recount at the next start.
update trainee_status set policy_version = 'recount';
