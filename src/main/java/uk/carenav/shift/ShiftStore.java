package uk.carenav.shift;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shifts and their append-only events, in plain SQL that runs on H2 and PostgreSQL. */
@Repository
class ShiftStore {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String ENDED = "ENDED";

    private final JdbcClient jdbc;

    ShiftStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ShiftRow(String id, long traineeId, String definitionId, int definitionVersion, String title, long seed,
            String plan, String status, Instant startedAt, Instant lastSeenAt, Instant endedAt, Boolean passed) {

        boolean ended() {
            return ENDED.equals(status);
        }
    }

    /** One thing that happened in a shift: answer (a caller), pause (seconds away), end. {@code atSeconds} is shift time. */
    record ShiftEvent(int seq, double atSeconds, String kind, Integer callerNo, String attemptId, String content,
            Instant recordedAt) {
    }

    private static final String SELECT = """
            select id, trainee_id, definition_id, definition_version, title, seed, plan, status, started_at, last_seen_at,
                   ended_at, passed from shift""";

    void insert(ShiftRow r) {
        jdbc.sql("""
                insert into shift (id, trainee_id, definition_id, definition_version, title, seed, plan, status, started_at,
                                   last_seen_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.traineeId(), r.definitionId(), r.definitionVersion(), r.title(), r.seed(), r.plan(),
                        r.status(), Timestamp.from(r.startedAt()), Timestamp.from(r.lastSeenAt()))
                .update();
    }

    Optional<ShiftRow> find(String id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(ShiftStore::row).optional();
    }

    /** Locks the shift's row until the transaction ends: one answer, pause or end at a time. */
    void lock(String id) {
        jdbc.sql("select id from shift where id = ? for update").param(id).query(String.class).optional();
    }

    Optional<ShiftRow> inProgress(long traineeId) {
        return jdbc.sql(SELECT + " where trainee_id = ? and status = ? order by started_at desc").params(traineeId, IN_PROGRESS)
                .query(ShiftStore::row).list().stream().findFirst();
    }

    List<ShiftRow> forTrainee(long traineeId) {
        return jdbc.sql(SELECT + " where trainee_id = ? order by started_at desc").param(traineeId)
                .query(ShiftStore::row).list();
    }

    /** How many of the trainee's shifts passed, ended on or after {@code since}. */
    int passedSince(long traineeId, Instant since) {
        return jdbc.sql("select count(*) from shift where trainee_id = ? and passed = true and ended_at >= ?")
                .params(traineeId, Timestamp.from(since)).query(Integer.class).single();
    }

    /** When the trainee's newest passed shift ended, if they have one. */
    Optional<Instant> newestPassed(long traineeId) {
        return jdbc.sql("select max(ended_at) from shift where trainee_id = ? and passed = true").param(traineeId)
                .query((rs, n) -> rs.getTimestamp(1)).optional().filter(t -> t != null).map(Timestamp::toInstant);
    }

    List<ShiftEvent> events(String shiftId) {
        return jdbc.sql("""
                select seq, at_seconds, kind, caller_no, attempt_id, content, recorded_at from shift_event
                where shift_id = ? order by seq""").param(shiftId).query((rs, n) -> new ShiftEvent(rs.getInt(1),
                        rs.getBigDecimal(2).doubleValue(), rs.getString(3), (Integer) rs.getObject(4, Integer.class),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant())).list();
    }

    /** Appends the next event; the primary key (shift, seq) makes a lost race fail instead of overwrite. */
    ShiftEvent append(String shiftId, double atSeconds, String kind, Integer callerNo, String attemptId, String content,
            Instant now) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from shift_event where shift_id = ?").param(shiftId)
                .query(Integer.class).single();
        double at = Math.round(atSeconds * 10) / 10.0;
        jdbc.sql("""
                insert into shift_event (shift_id, seq, at_seconds, kind, caller_no, attempt_id, content, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(shiftId, seq, BigDecimal.valueOf(at), kind, callerNo, attemptId, content, Timestamp.from(now))
                .update();
        return new ShiftEvent(seq, at, kind, callerNo, attemptId, content, now);
    }

    void touch(String id, Instant now) {
        jdbc.sql("update shift set last_seen_at = ? where id = ?").params(Timestamp.from(now), id).update();
    }

    void end(String id, Instant now, boolean passed) {
        jdbc.sql("update shift set status = ?, ended_at = ?, passed = ?, last_seen_at = ? where id = ?")
                .params(ENDED, Timestamp.from(now), passed, Timestamp.from(now), id).update();
    }

    private static ShiftRow row(ResultSet rs, int n) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new ShiftRow(rs.getString("id"), rs.getLong("trainee_id"), rs.getString("definition_id"),
                rs.getInt("definition_version"), rs.getString("title"), rs.getLong("seed"), rs.getString("plan"),
                rs.getString("status"), rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant(),
                ended == null ? null : ended.toInstant(), (Boolean) rs.getObject("passed", Boolean.class));
    }
}
