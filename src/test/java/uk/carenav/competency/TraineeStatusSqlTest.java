package uk.carenav.competency;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.carenav.call.AttemptSummary;
import uk.carenav.call.InputMode;
import uk.carenav.call.Mode;
import uk.carenav.competency.Records.ObservedCall;
import uk.carenav.competency.Records.SignOff;

/**
 * The status the coverage dashboard counts in SQL ({@link TraineeStatusSql#STATUS} over the row
 * {@link StatusUpkeep#row} keeps) equals the status the trainee's page works out in Java ({@link StatusRules}),
 * for every combination of sign-off, refresher, readiness and having started, at the moment the row is written
 * and at moments after it (a refresher falling due, calls ageing out of the window). Evaluated by real H2.
 */
class TraineeStatusSqlTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final ReadinessPolicy POLICY = ReadinessPolicy.defaults();

    private static Connection connection;
    private static NamedParameterJdbcTemplate sql;

    @BeforeAll
    static void database() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:status-sql-" + System.nanoTime());
        sql = new NamedParameterJdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    enum SignOffCase { NONE, ACTIVE_DUE_NEXT_YEAR, ACTIVE_DUE_TOMORROW, ACTIVE_DUE_TODAY, ACTIVE_OVERDUE, REVOKED }

    enum CallsCase { NONE, UNFINISHED_ONLY, PRACTICE_ONLY, READY }

    @Test
    void sqlAndJavaAgreeOnEveryCaseNowAndLater() {
        List<Long> laterDays = List.of(0L, 1L, 2L, 30L, 89L, 91L, 400L);
        int compared = 0;
        List<String> disagreements = new ArrayList<>();
        for (SignOffCase s : SignOffCase.values()) {
            for (CallsCase c : CallsCase.values()) {
                List<AttemptSummary> calls = calls(c);
                List<ObservedCall> observed = c == CallsCase.READY ? observed() : List.of();
                List<SignOff> signOffs = signOffs(s);
                StatusRules atWrite = new StatusRules(POLICY, Clock.fixed(NOW, LONDON));
                Readiness.Result readiness = atWrite.readiness(calls, observed);
                StatusUpkeep.Row row = StatusUpkeep.row(POLICY, atWrite, calls, readiness, signOffs, NOW);
                for (long days : laterDays) {
                    Instant at = NOW.plus(days, ChronoUnit.DAYS);
                    StatusRules rules = new StatusRules(POLICY, Clock.fixed(at, LONDON));
                    TraineeStatus java = rules.status(calls, rules.readiness(calls, observed), signOffs);
                    TraineeStatus fromSql = TraineeStatus.valueOf(evaluate(row, at));
                    compared++;
                    if (java != fromSql) {
                        disagreements.add(s + " / " + c + " +" + days + " days: Java " + java + ", SQL " + fromSql);
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(SignOffCase.values().length * CallsCase.values().length * laterDays.size());
        assertThat(disagreements).isEmpty();
    }

    @Test
    void theCasesCoverEveryStatus() {
        List<TraineeStatus> seen = new ArrayList<>();
        for (SignOffCase s : SignOffCase.values()) {
            for (CallsCase c : CallsCase.values()) {
                StatusRules rules = new StatusRules(POLICY, Clock.fixed(NOW, LONDON));
                List<AttemptSummary> calls = calls(c);
                seen.add(rules.status(calls, rules.readiness(calls, c == CallsCase.READY ? observed() : List.of()),
                        signOffs(s)));
            }
        }
        assertThat(seen).containsAll(List.of(TraineeStatus.values()));
    }

    private static String evaluate(StatusUpkeep.Row row, Instant at) {
        Map<String, Object> p = TraineeStatusSql.parameters(at, LONDON);
        p.put("sign_off", row.signOff());
        p.put("refresher_due", row.refresherDue() == null ? null : Date.valueOf(row.refresherDue()));
        p.put("ready_until", row.readyUntil() == null ? null : Timestamp.from(row.readyUntil()));
        p.put("started", row.started());
        return sql.queryForObject("select " + TraineeStatusSql.STATUS + "\n" + """
                 from (select cast(:sign_off as varchar(10)) as sign_off, cast(:refresher_due as date) as refresher_due,
                              cast(:ready_until as timestamp with time zone) as ready_until,
                              cast(:started as boolean) as started) t""", p, String.class);
    }

    private static List<SignOff> signOffs(SignOffCase s) {
        LocalDate today = LocalDate.ofInstant(NOW, LONDON);
        Instant signed = NOW.minus(10, ChronoUnit.DAYS);
        return switch (s) {
            case NONE -> List.of();
            case ACTIVE_DUE_NEXT_YEAR -> List.of(signOff(signed, today.plusYears(1), null));
            case ACTIVE_DUE_TOMORROW -> List.of(signOff(signed, today.plusDays(1), null));
            case ACTIVE_DUE_TODAY -> List.of(signOff(signed, today, null));
            case ACTIVE_OVERDUE -> List.of(signOff(signed, today.minusDays(3), null));
            case REVOKED -> List.of(signOff(signed, today.plusYears(1), NOW.minus(1, ChronoUnit.DAYS)));
        };
    }

    private static SignOff signOff(Instant at, LocalDate refresherDue, Instant revokedAt) {
        return new SignOff(1, at, "Sam Supervisor", POLICY.version(), false, null, refresherDue, revokedAt,
                revokedAt == null ? null : "Sam Supervisor", revokedAt == null ? null : "Concerns on a live call");
    }

    private static List<AttemptSummary> calls(CallsCase c) {
        List<AttemptSummary> out = new ArrayList<>();
        switch (c) {
            case NONE -> { }
            case UNFINISHED_ONLY -> out.add(new AttemptSummary("u", "s", 1, "v", "Call", "Emergency", Mode.ASSESSMENT,
                    false, NOW.minus(1, ChronoUnit.HOURS), null, null, null, null, null, InputMode.CONVERSATION));
            case PRACTICE_ONLY -> out.add(call("p", Mode.PRACTICE, 5, POLICY.requiredCategories().get(0)));
            case READY -> {
                // Ten passed assessments over the last ten weeks: ready now, out of the window later.
                for (int i = 0; i < POLICY.minAssessedCalls(); i++) {
                    out.add(call("a" + i, Mode.ASSESSMENT, 2 + i * 7,
                            POLICY.requiredCategories().get(i % POLICY.requiredCategories().size())));
                }
            }
        }
        return out;
    }

    private static AttemptSummary call(String id, Mode mode, int daysAgo, String category) {
        Instant ended = NOW.minus(daysAgo, ChronoUnit.DAYS);
        return new AttemptSummary(id, "s-" + id, 1, "v", "Call " + id, category, mode, true, ended.minusSeconds(400),
                ended, 96.0, "HIGH_COMPLIANCE", true, false, InputMode.CONVERSATION);
    }

    private static List<ObservedCall> observed() {
        List<ObservedCall> out = new ArrayList<>();
        for (int i = 0; i < POLICY.minObservedLiveCalls(); i++) {
            out.add(new ObservedCall(i, LocalDate.ofInstant(NOW, LONDON).minusDays(i + 1), "CORRECT", "MET", "MET",
                    "MET", "MET", "HIGH_COMPLIANCE", "", "Sam Supervisor"));
        }
        return out;
    }
}
