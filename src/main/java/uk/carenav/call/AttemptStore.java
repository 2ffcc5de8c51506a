package uk.carenav.call;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.carenav.scoring.Finding;
import uk.carenav.scoring.ScoreCard;
import uk.carenav.scoring.Segment;

/** Attempts, their append-only events and the kept scenario copies, in plain SQL that runs on H2 and PostgreSQL. */
@Repository
class AttemptStore {

    private final JdbcClient jdbc;

    AttemptStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps the scenario file of a version the first time an attempt uses it. Two trainees may start
     * the same new version at once; losing that race is fine (the other kept the same file). Called
     * outside any transaction: on PostgreSQL a failed insert would spoil the transaction around it, and a
     * separate transaction would hold a second connection per caller (pool starvation under load).
     */
    void keepScenario(String scenarioId, int version, String content, Instant now) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("keepScenario must run outside a transaction");
        }
        if (keptScenario(scenarioId, version).isPresent()) {
            return;
        }
        try {
            jdbc.sql("insert into scenario_snapshot (scenario_id, version, content, saved_at) values (?, ?, ?, ?)")
                    .params(scenarioId, version, content, Timestamp.from(now)).update();
        } catch (DuplicateKeyException alreadyKept) {
            // Kept by a concurrent start.
        }
    }

    Optional<String> keptScenario(String scenarioId, int version) {
        return jdbc.sql("select content from scenario_snapshot where scenario_id = ? and version = ?")
                .params(scenarioId, version).query(String.class).optional();
    }

    void insertAttempt(String id, long traineeId, String scenarioId, int version, String variantId, String category,
            String title, Mode mode, InputMode inputMode, long seed, Instant startedAt) {
        jdbc.sql("""
                insert into attempt (id, trainee_id, scenario_id, scenario_version, variant_id, category, title, mode, seed,
                                     status, started_at, input_mode)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?)""")
                .params(id, traineeId, scenarioId, version, variantId, category, title, mode.name(), seed,
                        Timestamp.from(startedAt), inputMode.name())
                .update();
    }

    /** A call answered in a shift: always practice, always in the trainee's own words. */
    void insertShiftAttempt(String id, long traineeId, String scenarioId, int version, String variantId, String category,
            String title, long seed, Instant startedAt, String shiftId, double queuedSeconds, String opening) {
        jdbc.sql("""
                insert into attempt (id, trainee_id, scenario_id, scenario_version, variant_id, category, title, mode, seed,
                                     status, started_at, input_mode, shift_id, queued_seconds, opening)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?, ?)""")
                .params(id, traineeId, scenarioId, version, variantId, category, title, Mode.PRACTICE.name(), seed,
                        Timestamp.from(startedAt), InputMode.CONVERSATION.name(), shiftId,
                        BigDecimal.valueOf(queuedSeconds), opening)
                .update();
    }

    /** The shift a call was answered in, or empty for a single call. */
    Optional<ShiftLink> shiftLink(String attemptId) {
        return jdbc.sql("select shift_id, queued_seconds, opening from attempt where id = ? and shift_id is not null")
                .param(attemptId).query((rs, n) -> new ShiftLink(rs.getString(1), rs.getBigDecimal(2).doubleValue(),
                        rs.getString(3))).optional();
    }

    /** The calls answered in a shift, oldest first. */
    List<AttemptRow> ofShift(String shiftId) {
        return jdbc.sql(SELECT + " where shift_id = ? order by started_at").param(shiftId).query(AttemptStore::row).list();
    }

    void setInputMode(String id, InputMode inputMode) {
        jdbc.sql("update attempt set input_mode = ? where id = ?").params(inputMode.name(), id).update();
    }

    record AttemptRow(AttemptSummary summary, long traineeId, String scoreCard) {
    }

    private static final String SELECT = """
            select id, trainee_id, scenario_id, scenario_version, variant_id, title, category, mode, status, started_at,
                   ended_at, percentage, band, passed, critical, score_card, input_mode from attempt""";

    Optional<AttemptRow> find(String id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(AttemptStore::row).optional();
    }

    List<AttemptSummary> forTrainees(Collection<Long> traineeIds, Map<String, Long> ownerOut) {
        if (traineeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where trainee_id in (:ids) order by started_at desc").param("ids", traineeIds)
                .query(AttemptStore::row).list().stream().peek(r -> ownerOut.put(r.summary().id(), r.traineeId()))
                .map(AttemptRow::summary).toList();
    }

    List<AttemptSummary> forTrainee(long traineeId) {
        return jdbc.sql(SELECT + " where trainee_id = ? order by started_at desc").param(traineeId)
                .query(AttemptStore::row).list().stream().map(AttemptRow::summary).toList();
    }

    Optional<AttemptSummary> inProgress(long traineeId, String scenarioId, Mode mode) {
        return jdbc.sql(SELECT + " where trainee_id = ? and scenario_id = ? and mode = ? and status = 'IN_PROGRESS'"
                        + " and shift_id is null")
                .params(traineeId, scenarioId, mode.name()).query(AttemptStore::row).list().stream()
                .map(AttemptRow::summary).findFirst();
    }

    /** Appends the next event; the primary key (attempt, seq) makes a lost race fail instead of overwrite. */
    /** Locks the attempt's row until the transaction ends, so steps of one call are numbered one at a time. */
    void lock(String attemptId) {
        jdbc.sql("select id from attempt where id = ? for update").param(attemptId).query(String.class).optional();
    }

    CallEvent append(String attemptId, double atSeconds, String kind, String content, Instant now) {
        return append(attemptId, atSeconds, kind, content, null, now);
    }

    CallEvent append(String attemptId, double atSeconds, String kind, String content, String utterance, Instant now) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from attempt_event where attempt_id = ?").param(attemptId)
                .query(Integer.class).single();
        jdbc.sql("""
                insert into attempt_event (attempt_id, seq, at_seconds, kind, content, recorded_at, utterance)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(attemptId, seq, BigDecimal.valueOf(atSeconds), kind, content, Timestamp.from(now), utterance).update();
        return new CallEvent(seq, atSeconds, kind, content, now, utterance);
    }

    List<CallEvent> events(String attemptId) {
        return jdbc.sql("""
                select seq, at_seconds, kind, content, recorded_at, utterance from attempt_event where attempt_id = ?
                order by seq""")
                .param(attemptId)
                .query((rs, n) -> new CallEvent(rs.getInt(1), rs.getBigDecimal(2).doubleValue(), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .list();
    }

    /** An utterance a call could not place, for the scenario's authors. {@code heard} is the step's content. */
    record Miss(String scenarioId, int version, String title, String utterance, String heard, Instant at) {
    }

    private static Miss miss(ResultSet rs, int n) throws SQLException {
        return new Miss(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }

    /**
     * Utterances of conversational calls heard as nothing (nothing matched, or too close to tell apart),
     * newest first, at most {@code limit}; of one scenario, or of all when {@code scenarioId} is null.
     */
    List<Miss> misses(String scenarioId, int limit) {
        return jdbc.sql("""
                select a.scenario_id, a.scenario_version, a.title, e.utterance, e.content, e.recorded_at
                from attempt_event e join attempt a on a.id = e.attempt_id
                where e.kind = 'utterance' and e.utterance is not null
                  and (e.content is null or e.content like 'unclear:%')
                  and (cast(:scenario as varchar(100)) is null or a.scenario_id = :scenario)
                order by e.recorded_at desc, e.seq desc""" + " fetch first " + Math.max(1, limit) + " rows only")
                .param("scenario", scenarioId)
                .query(AttemptStore::miss)
                .list();
    }

    /**
     * Red-flag screens of conversational calls that a supervisor overrode (the trainee asked, but the call did
     * not hear it as that screen), newest first, at most {@code limit}; {@code utterance} holds the finding and
     * {@code heard} the supervisor's reason.
     */
    List<Miss> correctedScreens(String scenarioId, int limit) {
        return jdbc.sql("""
                select a.scenario_id, a.scenario_version, a.title, o.item, o.reason, o.made_at
                from finding_override o join attempt a on a.id = o.attempt_id
                where a.input_mode = 'CONVERSATION' and o.item like 'Screen:%'
                  and (cast(:scenario as varchar(100)) is null or a.scenario_id = :scenario)
                order by o.made_at desc, o.id desc""" + " fetch first " + Math.max(1, limit) + " rows only")
                .param("scenario", scenarioId)
                .query(AttemptStore::miss)
                .list();
    }

    /**
     * Records the result, the route chosen (empty when none) and each red-flag screen asked or missed. Only an
     * attempt still in progress can end, so a result is never overwritten: false when it had already ended.
     */
    boolean complete(String id, Instant endedAt, ScoreCard card, String scoreCardJson) {
        boolean ended = jdbc.sql("""
                update attempt set status = 'COMPLETED', ended_at = ?, percentage = ?, band = ?, passed = ?, critical = ?,
                       routing_grade = ?, score_card = ?, route_chosen = ?
                where id = ? and status = 'IN_PROGRESS'""")
                .params(Timestamp.from(endedAt), BigDecimal.valueOf(card.percentage()), card.band().name(), card.passed(),
                        card.criticalDeviation(), card.routingGrade().name(), scoreCardJson,
                        card.routeChosen() == null ? "" : card.routeChosen(), id)
                .update() == 1;
        if (ended) {
            insertScreens(id, card);
        }
        return ended;
    }

    /** The must-ask red-flag screens of a score card, by screen name, asked in time or not. */
    void insertScreens(String id, ScoreCard card) {
        Map<String, Boolean> screens = new LinkedHashMap<>();
        for (Finding f : card.findings()) {
            if (f.segment() == Segment.RED_FLAG_SCREENING) {
                String name = f.item().startsWith("Screen: ") ? f.item().substring(8) : f.item();
                screens.merge(name.length() > 300 ? name.substring(0, 300) : name, !f.deviation(), Boolean::logicalAnd);
            }
        }
        screens.forEach((screen, asked) -> jdbc.sql("insert into attempt_screen (attempt_id, screen, asked) values (?, ?, ?)")
                .params(id, screen, asked).update());
    }

    /** Finished attempts recorded before the route and screens were kept (schema v9): id and score card. */
    List<String[]> completedWithoutRoute(int limit) {
        return jdbc.sql("select id, score_card from attempt where status = 'COMPLETED' and route_chosen is null"
                        + " and score_card is not null fetch first " + Math.max(1, limit) + " rows only")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    void setRouteChosen(String id, String route) {
        jdbc.sql("update attempt set route_chosen = ? where id = ?").params(route, id).update();
    }

    List<AttemptRow> completedOf(String scenarioId) {
        return jdbc.sql(SELECT + " where scenario_id = ? and status = 'COMPLETED' order by started_at").param(scenarioId)
                .query(AttemptStore::row).list();
    }

    void insertRescore(String attemptId, Instant at, String by, String reason, int version, double percentage, String band,
            boolean passed, boolean critical, String routingGrade, String scoreCardJson) {
        jdbc.sql("""
                insert into attempt_rescore (attempt_id, rescored_at, rescored_by, reason, scenario_version, percentage, band,
                                             passed, critical, routing_grade, score_card)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(attemptId, Timestamp.from(at), by, reason, version, BigDecimal.valueOf(percentage), band, passed,
                        critical, routingGrade, scoreCardJson)
                .update();
    }

    /** Re-scorings of an attempt, newest first: band, percentage, when, by whom and why. */
    List<Rescore> rescores(String attemptId) {
        return jdbc.sql("""
                select rescored_at, rescored_by, reason, scenario_version, percentage, band from attempt_rescore
                where attempt_id = ? order by rescored_at desc, id desc""").param(attemptId)
                .query((rs, n) -> new Rescore(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBigDecimal(5).doubleValue(), rs.getString(6)))
                .list();
    }

    void insertOverride(String attemptId, int findingNo, String item, String original, String newSeverity, String reason,
            String by, Instant at) {
        jdbc.sql("""
                insert into finding_override (attempt_id, finding_no, item, original_severity, new_severity, reason, made_by,
                                              made_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(attemptId, findingNo, item, original, newSeverity, reason, by, Timestamp.from(at)).update();
    }

    void insertComment(String attemptId, String by, Instant at, String text) {
        jdbc.sql("insert into attempt_comment (attempt_id, made_by, made_at, body) values (?, ?, ?, ?)")
                .params(attemptId, by, Timestamp.from(at), text).update();
    }

    /** Overrides and comments of an attempt, oldest first. */
    List<Review> reviews(String attemptId) {
        List<Review> out = new ArrayList<>();
        out.addAll(jdbc.sql("""
                select finding_no, item, original_severity, new_severity, reason, made_by, made_at from finding_override
                where attempt_id = ? order by made_at, id""").param(attemptId)
                .query((rs, n) -> new Review.FindingOverride(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant())).list());
        out.addAll(jdbc.sql("select body, made_by, made_at from attempt_comment where attempt_id = ? order by made_at, id")
                .param(attemptId)
                .query((rs, n) -> new Review.Comment(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list());
        out.sort(Comparator.comparing(Review::at));
        return out;
    }

    private static AttemptRow row(ResultSet rs, int n) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        BigDecimal pct = rs.getBigDecimal("percentage");
        boolean passed = rs.getBoolean("passed");
        Boolean passedOrNull = rs.wasNull() ? null : passed;
        boolean critical = rs.getBoolean("critical");
        Boolean criticalOrNull = rs.wasNull() ? null : critical;
        AttemptSummary s = new AttemptSummary(rs.getString("id"), rs.getString("scenario_id"), rs.getInt("scenario_version"),
                rs.getString("variant_id"), rs.getString("title"), rs.getString("category"), Mode.valueOf(rs.getString("mode")),
                "COMPLETED".equals(rs.getString("status")), rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant(), pct == null ? null : pct.doubleValue(), rs.getString("band"),
                passedOrNull, criticalOrNull, InputMode.valueOf(rs.getString("input_mode")));
        return new AttemptRow(s, rs.getLong("trainee_id"), rs.getString("score_card"));
    }
}
