package uk.carenav.competency;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.carenav.call.AttemptSummary;
import uk.carenav.call.CallHistory;
import uk.carenav.call.EvidenceChanged;
import uk.carenav.competency.Records.SignOff;

/**
 * Keeps one row per trainee in {@code trainee_status} in step with their evidence, in the same transaction
 * as the change, so the coverage dashboard counts statuses in SQL instead of reading every attempt.
 * The row holds what the status follows from; the status itself is worked out when read
 * ({@link #STATUS_SQL}), so sign-offs falling due and calls ageing out of the window need no rewrite.
 */
@Component
class StatusUpkeep {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StatusUpkeep.class);

    /**
     * The status of a trainee from their {@code trainee_status} row {@code t} (absent: not started), given
     * the parameters {@code :today} and {@code :now}. The same order as {@link StatusRules#status}.
     */
    static final String STATUS_SQL = """
            case when t.sign_off = 'REVOKED' then 'REVOKED'
                 when t.sign_off = 'ACTIVE' and t.refresher_due < :today then 'REFRESHER_DUE'
                 when t.sign_off = 'ACTIVE' then 'SIGNED_OFF'
                 when t.ready_until > :now then 'READY'
                 when t.started then 'IN_TRAINING'
                 else 'NOT_STARTED' end""";

    /** Ready for as long as the rule needs no recent calls. */
    private static final Instant ALWAYS = Instant.parse("9999-12-31T00:00:00Z");

    private final JdbcClient jdbc;
    private final CallHistory calls;
    private final CompetencyStore store;
    private final StatusRules rules;
    private final ReadinessPolicy policy;
    private final Clock clock;
    private final TransactionTemplate tx;

    StatusUpkeep(JdbcClient jdbc, CallHistory calls, CompetencyStore store, StatusRules rules, ReadinessPolicy policy,
            Clock clock, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.store = store;
        this.rules = rules;
        this.policy = policy;
        this.clock = clock;
        this.tx = tx;
    }

    @EventListener
    void on(EvidenceChanged e) {
        refresh(e.traineeId());
    }

    /** Works out and stores where one trainee stands now. */
    void refresh(long traineeId) {
        List<AttemptSummary> attempts = calls.effectiveCallsOf(traineeId);
        Readiness.Result readiness = rules.readiness(attempts, store.observed(traineeId));
        List<SignOff> signOffs = store.signOffs(traineeId);
        Instant now = clock.instant();

        String signOff = signOffs.isEmpty() ? "NONE" : signOffs.get(0).active() ? "ACTIVE" : "REVOKED";
        Instant readyUntil = null;
        if (readiness.ready()) {
            // Ready until the oldest of the fewest recent calls that meet the count leaves the window.
            Instant since = now.minus(policy.windowDays(), ChronoUnit.DAYS);
            List<Instant> recent = rules.assessed(attempts).stream().map(AttemptSummary::endedAt)
                    .filter(t -> !t.isBefore(since)).sorted(Comparator.reverseOrder()).toList();
            int n = policy.minAssessedCalls();
            readyUntil = n <= 0 || recent.size() < n ? ALWAYS : recent.get(n - 1).plus(policy.windowDays(), ChronoUnit.DAYS);
        }
        String blocking = readiness.blockers().stream().map(c -> c.code().name()).collect(Collectors.joining(","));
        Instant lastActivity = attempts.stream().map(a -> a.endedAt() != null ? a.endedAt() : a.startedAt())
                .max(Comparator.naturalOrder()).orElse(null);
        boolean started = attempts.stream().anyMatch(AttemptSummary::completed);

        Object[] values = {signOff, signOffs.isEmpty() ? null : Date.valueOf(signOffs.get(0).refresherDue()),
                ts(readyUntil), started, blocking, ts(lastActivity), policy.version(), Timestamp.from(now), traineeId};
        int updated = jdbc.sql("""
                update trainee_status set sign_off = ?, refresher_due = ?, ready_until = ?, started = ?, blocking = ?,
                       last_activity = ?, policy_version = ?, updated_at = ?
                where trainee_id = ?""").params(values).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into trainee_status (sign_off, refresher_due, ready_until, started, blocking, last_activity,
                                                policy_version, updated_at, trainee_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
        }
    }

    /**
     * At start-up: works out the status of every trainee who has evidence but no row yet, or a row judged
     * under another readiness rule (the rule is configuration and may change between starts). In batches.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void catchUp() {
        int done = 0;
        while (true) {
            List<Long> batch = jdbc.sql("""
                    select s.id from staff_member s join staff_role r on r.staff_id = s.id and r.role = 'TRAINEE'
                    left join trainee_status t on t.trainee_id = s.id
                    where (t.trainee_id is null and (exists (select 1 from attempt a where a.trainee_id = s.id)
                                                     or exists (select 1 from sign_off o where o.trainee_id = s.id)
                                                     or exists (select 1 from observed_call c where c.trainee_id = s.id)))
                       or t.policy_version <> ?
                    order by s.id fetch first 200 rows only""").param(policy.version()).query(Long.class).list();
            if (batch.isEmpty()) {
                break;
            }
            tx.executeWithoutResult(s -> batch.forEach(this::refresh));
            done += batch.size();
        }
        if (done > 0) {
            log.info("Worked out the training status of {} trainees under readiness rule {}", done, policy.version());
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
