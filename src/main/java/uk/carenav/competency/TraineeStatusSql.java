package uk.carenav.competency;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read model of {@code trainee_status} that reports may join: the competency module owns the table and
 * this expression, the reporting module (coverage) uses it so its counts and the trainee's page agree.
 */
public final class TraineeStatusSql {

    private TraineeStatusSql() {
    }

    /**
     * The {@link TraineeStatus} name of a trainee from their {@code trainee_status} row {@code t} (absent: not
     * started), given the parameters {@code :today} and {@code :now}. The same order as {@link StatusRules#status};
     * {@code TraineeStatusSqlTest} holds the two together.
     */
    public static final String STATUS = """
            case when t.sign_off = 'REVOKED' then 'REVOKED'
                 when t.sign_off = 'ACTIVE' and t.refresher_due < :today then 'REFRESHER_DUE'
                 when t.sign_off = 'ACTIVE' then 'SIGNED_OFF'
                 when t.ready_until > :now then 'READY'
                 when t.started then 'IN_TRAINING'
                 else 'NOT_STARTED' end""";

    /** The parameters {@link #STATUS} needs at {@code now}: the instant, and the date in the service's zone. */
    public static Map<String, Object> parameters(Instant now, ZoneId zone) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("now", Timestamp.from(now));
        p.put("today", Date.valueOf(LocalDate.ofInstant(now, zone)));
        return p;
    }
}
