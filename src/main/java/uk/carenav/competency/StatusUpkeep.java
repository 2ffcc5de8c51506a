package uk.carenav.competency;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import uk.carenav.shift.ShiftEvidence;

/**
 * Keeps one row per trainee in {@code trainee_status} in step with their evidence, in the same transaction
 * as the change, so the coverage dashboard counts statuses in SQL instead of reading every attempt.
 * The row holds what the status follows from; the status itself is worked out when read
 * ({@link TraineeStatusSql#STATUS}), so sign-offs falling due and calls ageing out of the window need no rewrite.
 */
@Component
class StatusUpkeep {

    private static final Logger log = LoggerFactory.getLogger(StatusUpkeep.class);

    /** Ready for as long as the rule needs no recent calls. */
    private static final Instant ALWAYS = Instant.parse("9999-12-31T00:00:00Z");

    private final JdbcClient jdbc;
    private final CallHistory calls;
    private final CompetencyStore store;
    private final StatusRules rules;
    private final ReadinessPolicy policy;
    private final Clock clock;
    private final TransactionTemplate tx;

    private final ShiftEvidence shifts;

    StatusUpkeep(JdbcClient jdbc, CallHistory calls, CompetencyStore store, StatusRules rules, ReadinessPolicy policy,
            Clock clock, TransactionTemplate tx, ShiftEvidence shifts) {
        this.shifts = shifts;
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
        Readiness.Result readiness = rules.readiness(traineeId, attempts, store.observed(traineeId));
        Instant now = clock.instant();
        Row row = row(policy, rules, attempts, readiness, store.signOffs(traineeId), now);
        if (row.readyUntil() != null && policy.passedShiftRequired()) {
            // Ready only while the passed shift is in the window too.
            Instant shiftLeaves = shifts.newestPassed(traineeId).map(t -> t.plus(policy.windowDays(), ChronoUnit.DAYS))
                    .orElse(now);
            if (shiftLeaves.isBefore(row.readyUntil())) {
                row = new Row(row.signOff(), row.refresherDue(), shiftLeaves, row.started(), row.blocking(),
                        row.lastActivity());
            }
        }
        Object[] values = {row.signOff(), row.refresherDue() == null ? null : Date.valueOf(row.refresherDue()),
                ts(row.readyUntil()), row.started(), row.blocking(), ts(row.lastActivity()), policy.version(),
                Timestamp.from(now), traineeId};
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
     * A trainee's {@code trainee_status} row: what their status follows from, kept so that
     * {@link TraineeStatusSql#STATUS} gives the same answer as {@link StatusRules#status} at any later moment.
     */
    record Row(String signOff, LocalDate refresherDue, Instant readyUntil, boolean started, String blocking,
            Instant lastActivity) {
    }

    static Row row(ReadinessPolicy policy, StatusRules rules, List<AttemptSummary> attempts, Readiness.Result readiness,
            List<SignOff> signOffs, Instant now) {
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
        return new Row(signOff, signOffs.isEmpty() ? null : signOffs.get(0).refresherDue(), readyUntil, started,
                blocking, lastActivity);
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
