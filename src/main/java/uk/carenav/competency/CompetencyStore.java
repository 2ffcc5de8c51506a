package uk.carenav.competency;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.carenav.competency.Records.ObservedCall;
import uk.carenav.competency.Records.ObservedCallForm;
import uk.carenav.competency.Records.SignOff;

/** Observed live calls and sign-offs, in SQL that runs on H2 and PostgreSQL. */
@Repository
class CompetencyStore {

    private final JdbcClient jdbc;

    CompetencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertObserved(long traineeId, long supervisorId, ObservedCallForm f, Instant now) {
        jdbc.sql("""
                insert into observed_call (trainee_id, supervisor_id, observed_on, route_grade, red_flags, safety_netting,
                                           communication, documentation, band, comments, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(traineeId, supervisorId, Date.valueOf(f.observedOn()), f.routeGrade(), f.redFlags(), f.safetyNetting(),
                        f.communication(), f.documentation(), f.band(), f.comments(), Timestamp.from(now))
                .update();
    }

    List<ObservedCall> observed(long traineeId) {
        return jdbc.sql("""
                select o.id, o.observed_on, o.route_grade, o.red_flags, o.safety_netting, o.communication, o.documentation,
                       o.band, o.comments, s.display_name
                from observed_call o join staff_member s on s.id = o.supervisor_id
                where o.trainee_id = ? order by o.observed_on desc, o.id desc""").param(traineeId)
                .query((rs, n) -> new ObservedCall(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)))
                .list();
    }

    void insertSignOff(long traineeId, long supervisorId, Instant at, String policyVersion, boolean exception,
            String exceptionReason, String declaration, String evidence, LocalDate refresherDue) {
        jdbc.sql("""
                insert into sign_off (trainee_id, supervisor_id, signed_at, policy_version, is_exception, exception_reason,
                                      declaration, evidence, refresher_due)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(traineeId, supervisorId, Timestamp.from(at), policyVersion, exception, exceptionReason, declaration,
                        evidence, Date.valueOf(refresherDue))
                .update();
    }

    List<SignOff> signOffs(long traineeId) {
        return jdbc.sql("""
                select o.id, o.signed_at, s.display_name, o.policy_version, o.is_exception, o.exception_reason,
                       o.refresher_due, o.revoked_at, o.revoked_by, o.revoke_reason
                from sign_off o join staff_member s on s.id = o.supervisor_id
                where o.trainee_id = ? order by o.signed_at desc, o.id desc""").param(traineeId)
                .query((rs, n) -> {
                    Timestamp revoked = rs.getTimestamp(8);
                    return new SignOff(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getString(6), rs.getDate(7).toLocalDate(),
                            revoked == null ? null : revoked.toInstant(), rs.getString(9), rs.getString(10));
                })
                .list();
    }

    String evidence(long signOffId) {
        return jdbc.sql("select evidence from sign_off where id = ?").param(signOffId).query(String.class).single();
    }

    Long traineeOfSignOff(long signOffId) {
        return jdbc.sql("select trainee_id from sign_off where id = ?").param(signOffId).query(Long.class).optional().orElse(null);
    }

    boolean revoke(long signOffId, Instant at, String by, String reason) {
        return jdbc.sql("update sign_off set revoked_at = ?, revoked_by = ?, revoke_reason = ? where id = ? and revoked_at is null")
                .params(Timestamp.from(at), by, reason, signOffId).update() == 1;
    }
}
