package uk.carenav.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.carenav.SignIn;
import uk.carenav.call.AttemptSummary;
import uk.carenav.call.CallHistory;
import uk.carenav.call.CallService;
import uk.carenav.call.FixedVariant;
import uk.carenav.call.Mode;
import uk.carenav.call.RescoreService;
import uk.carenav.call.SpokenSteps;
import uk.carenav.call.TraineeCalls;
import uk.carenav.organisation.OrganisationAdmin;
import uk.carenav.organisation.StaffChanges;
import uk.carenav.organisation.StaffDetails;
import uk.carenav.organisation.StaffSummary;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;
import uk.carenav.scoring.Finding;

/**
 * The weak-spot roll-ups equal a recount from the calls after a random sequence of real calls (some steps left
 * out, so screens are missed and routes go wrong), supervisors' overrides, re-scores and trainees moving practice
 * (by an administrator, and behind the application's back as a roster import does); and again when they are worked
 * out from nothing at start-up.
 */
@SpringBootTest
@Import(FixedVariant.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WeakSpotRollupsTest {

    private static final List<String> SCENARIOS = List.of("chest-pain-gardening", "head-injury-blood-thinner",
            "lonely-since-bereavement", "suicidal-thoughts-tablets");
    private static final List<String> TRAINEES = List.of("trainee1", "trainee2", "trainee3", "trainee4", "trainee5",
            "trainee6");

    @Autowired
    CallService calls;
    @Autowired
    CallHistory history;
    @Autowired
    TraineeCalls traineeCalls;
    @Autowired
    RescoreService rescoring;
    @Autowired
    OrganisationAdmin admin;
    @Autowired
    ScenarioLibrary library;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WeakSpotRollups rollups;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AreaAnalysis analysis;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void rollUpsEqualARecountAfterRandomCallsOverridesReScoresAndMoves() {
        Random random = new Random(20261207);
        List<String[]> finished = new ArrayList<>();
        int overrides = 0;
        int moves = 0;
        int rescores = 0;
        for (int step = 0; step < 70; step++) {
            int dice = random.nextInt(100);
            if (dice < 60 || finished.isEmpty()) {
                String trainee = TRAINEES.get(random.nextInt(TRAINEES.size()));
                Scenario s = library.current().scenario(SCENARIOS.get(random.nextInt(SCENARIOS.size()))).orElseThrow();
                SignIn.as(users, trainee);
                Mode mode = random.nextBoolean() ? Mode.PRACTICE : Mode.ASSESSMENT;
                String id = calls.start(s.id(), mode);
                List<CallAction> steps = s.expected().get(s.variants().get(0).id()).modelAnswer().stream()
                        .filter(a -> random.nextInt(100) >= 25).toList();
                if (mode == Mode.ASSESSMENT) {
                    SpokenSteps.play(calls, id, s, library.current().catalogue(), steps);
                } else {
                    steps.forEach(a -> calls.record(id, a));
                }
                calls.end(id);
                finished.add(new String[] {trainee, id});
            } else if (dice < 75) {
                String[] call = finished.get(random.nextInt(finished.size()));
                long traineeId = staffId(call[0]);
                Long practice = jdbc.sql("select practice_id from staff_member where id = ?").param(traineeId)
                        .query(Long.class).single();
                String ods = jdbc.sql("select ods_code from practice where id = ?").param(practice).query(String.class).single();
                SignIn.as(users, ods.equals("X90001") || ods.equals("X90002") ? "supervisor1" : "supervisor2");
                List<Finding> findings = traineeCalls.debrief(traineeId, call[1]).scoreCard().findings();
                List<Integer> critical = new ArrayList<>();
                for (int i = 0; i < findings.size(); i++) {
                    if (findings.get(i).critical()) {
                        critical.add(i);
                    }
                }
                if (!critical.isEmpty()) {
                    traineeCalls.overrideFinding(traineeId, call[1], critical.get(random.nextInt(critical.size())),
                            random.nextBoolean() ? "MAJOR" : "WAIVED", "The caller had already answered this in their opening words.");
                    overrides++;
                }
            } else if (dice < 85) {
                SignIn.as(users, "admin");
                rescoring.rescore(SCENARIOS.get(random.nextInt(SCENARIOS.size())), "Checking the roll-ups after a re-score");
                rescores++;
            } else {
                SignIn.as(users, "admin");
                String trainee = TRAINEES.get(random.nextInt(TRAINEES.size()));
                List<Long> practices = admin.allPractices().stream().map(p -> p.id()).toList();
                long to = practices.get(random.nextInt(practices.size()));
                StaffDetails d = admin.staffDetails(staffId(trainee));
                admin.updateStaff(d.id(), new StaffChanges(d.displayName(), d.email(), d.role(), to, d.supervisedPracticeIds(),
                        d.areaId(), d.staffRef(), d.startDate(), d.supervisorId(), d.training()));
                moves++;
            }
            if (step % 10 == 9) {
                rollups.followMoves();
                assertThat(practiceRollups()).as("after step " + step).isEqualTo(recount());
            }
        }
        assertThat(finished).hasSizeGreaterThan(30);
        assertThat(overrides).isPositive();
        assertThat(rescores).isPositive();
        assertThat(moves).isPositive();
        assertThat(practiceRollups().get("screen").values()).anySatisfy(v -> assertThat(v.get(1)).isPositive());
        assertThat(practiceRollups().get("route")).isNotEmpty();

        // A roster import moves people in SQL: the weak-spots page follows before it reads.
        long trainee1 = staffId("trainee1");
        long orchard = jdbc.sql("select id from practice where ods_code = 'X90004'").query(Long.class).single();
        jdbc.sql("update staff_member set practice_id = ? where id = ?").params(orchard, trainee1).update();
        SignIn.as(users, "lead1");
        int inItems = analysis.items().stream().mapToInt(AreaAnalysis.Item::calls).sum();
        assertThat(inItems).isEqualTo(finishedCalls());
        assertThat(practiceRollups()).isEqualTo(recount());

        // Worked out from nothing, as at the first start after an upgrade: the same figures.
        Map<String, Map<List<Object>, List<BigDecimal>>> kept = practiceRollups();
        for (String table : ALL_TABLES) {
            jdbc.sql("delete from " + table).update();
        }
        rollups.catchUp();
        assertThat(practiceRollups()).isEqualTo(kept);

        // Assessed calls that ended either side of a month's midnight in London, in winter and in summer time: the
        // same months counted call by call (as a call ends) and in one pass over the calls (at an upgrade).
        List<String> assessed = jdbc.sql("select id from attempt where status = 'COMPLETED' and mode = 'ASSESSMENT'"
                + " order by id").query(String.class).list();
        assertThat(assessed).hasSizeGreaterThanOrEqualTo(4);
        List<Instant> edges = List.of(Instant.parse("2026-03-31T23:30:00Z"), Instant.parse("2026-03-31T22:30:00Z"),
                Instant.parse("2026-01-31T23:59:59Z"), Instant.parse("2026-02-01T00:00:00Z"));
        Set<Long> touched = new TreeSet<>();
        for (int i = 0; i < edges.size(); i++) {
            jdbc.sql("update attempt set ended_at = ? where id = ?")
                    .params(Timestamp.from(edges.get(i)), assessed.get(i)).update();
            touched.add(jdbc.sql("select trainee_id from attempt where id = ?").param(assessed.get(i)).query(Long.class).single());
        }
        TransactionTemplate tx = new TransactionTemplate(transactions);
        touched.forEach(id -> tx.executeWithoutResult(s -> rollups.recount(id)));
        Map<List<Object>, List<BigDecimal>> months = practiceRollups().get("month");
        assertThat(months).isEqualTo(recount().get("month"));
        assertThat(months.keySet()).extracting(k -> k.get(1)).contains("2026-04", "2026-03", "2026-01", "2026-02");
        jdbc.sql("delete from rollup_practice_month").update();
        jdbc.sql("delete from rollup_trainee_month").update();
        rollups.catchUp();
        assertThat(practiceRollups().get("month")).isEqualTo(months);
    }

    private static final List<String> ALL_TABLES = List.of("rollup_practice_scenario", "rollup_practice_screen",
            "rollup_practice_wrong_route", "rollup_practice_month", "rollup_trainee_scenario", "rollup_trainee_screen",
            "rollup_trainee_wrong_route", "rollup_trainee_month", "rollup_trainee", "rollup_scenario");

    private long staffId(String username) {
        return jdbc.sql("select id from staff_member where username = ?").param(username).query(Long.class).single();
    }

    private int finishedCalls() {
        return jdbc.sql("select count(*) from attempt where status = 'COMPLETED'").query(Integer.class).single();
    }

    /** The practice roll-ups as they stand, rows with nothing in them left out. */
    private Map<String, Map<List<Object>, List<BigDecimal>>> practiceRollups() {
        Map<String, Map<List<Object>, List<BigDecimal>>> out = new TreeMap<>();
        out.put("scenario", rows("select practice_id, scenario_id, calls, passed, score_sum from rollup_practice_scenario", 2));
        out.put("screen", rows("select practice_id, screen, screens, missed from rollup_practice_screen", 2));
        out.put("route", rows("select practice_id, scenario_id, route, calls from rollup_practice_wrong_route", 3));
        out.put("month", rows("select practice_id, calendar_month, calls, passed from rollup_practice_month", 2));
        return out;
    }

    private Map<List<Object>, List<BigDecimal>> rows(String sql, int keys) {
        Map<List<Object>, List<BigDecimal>> out = new TreeMap<>(WeakSpotRollupsTest::compare);
        jdbc.sql(sql).query(rs -> {
            List<Object> key = new ArrayList<>();
            for (int i = 1; i <= keys; i++) {
                key.add(rs.getObject(i).toString());
            }
            List<BigDecimal> values = new ArrayList<>();
            boolean any = false;
            for (int i = keys + 1; i <= rs.getMetaData().getColumnCount(); i++) {
                BigDecimal v = rs.getBigDecimal(i).stripTrailingZeros();
                values.add(v.signum() == 0 ? BigDecimal.ZERO : v);
                any |= v.signum() != 0;
            }
            if (any) {
                out.put(key, values);
            }
        });
        return out;
    }

    /** The same figures counted from the calls themselves: each trainee's calls as they count, under their practice now. */
    private Map<String, Map<List<Object>, List<BigDecimal>>> recount() {
        Map<List<Object>, List<BigDecimal>> scenarios = new TreeMap<>(WeakSpotRollupsTest::compare);
        for (StaffSummary s : allTrainees()) {
            Long practice = jdbc.sql("select practice_id from staff_member where id = ?").param(s.id()).query(Long.class).single();
            for (AttemptSummary a : history.effectiveCallsOf(s.id())) {
                if (!a.completed() || practice == null) {
                    continue;
                }
                List<BigDecimal> v = scenarios.computeIfAbsent(List.of(practice.toString(), a.scenarioId()),
                        k -> new ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)));
                v.set(0, v.get(0).add(BigDecimal.ONE));
                v.set(1, v.get(1).add(Boolean.TRUE.equals(a.passed()) ? BigDecimal.ONE : BigDecimal.ZERO));
                v.set(2, v.get(2).add(new BigDecimal(a.percentage().toString())).stripTrailingZeros());
            }
        }
        scenarios.values().forEach(v -> v.replaceAll(x -> x.signum() == 0 ? BigDecimal.ZERO : x.stripTrailingZeros()));
        // Assessed calls and passes by the month the call ended in, in London.
        Map<List<Object>, List<BigDecimal>> months = new TreeMap<>(WeakSpotRollupsTest::compare);
        for (StaffSummary s : allTrainees()) {
            Long practice = jdbc.sql("select practice_id from staff_member where id = ?").param(s.id()).query(Long.class).single();
            for (AttemptSummary a : history.effectiveCallsOf(s.id())) {
                if (a.completed() && practice != null && a.mode() == Mode.ASSESSMENT) {
                    String month = YearMonth.from(a.endedAt().atZone(ZoneId.of("Europe/London"))).toString();
                    List<BigDecimal> v = months.computeIfAbsent(List.of(practice.toString(), month),
                            k -> new ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ZERO)));
                    v.set(0, v.get(0).add(BigDecimal.ONE));
                    v.set(1, v.get(1).add(Boolean.TRUE.equals(a.passed()) ? BigDecimal.ONE : BigDecimal.ZERO));
                }
            }
        }
        months.values().forEach(v -> v.replaceAll(x -> x.signum() == 0 ? BigDecimal.ZERO : x.stripTrailingZeros()));
        Map<String, Map<List<Object>, List<BigDecimal>>> out = new TreeMap<>();
        out.put("scenario", scenarios);
        out.put("month", months);
        out.put("screen", rows("""
                select s.practice_id, x.screen, count(*), sum(case when x.asked then 0 else 1 end)
                from attempt_screen x join attempt a on a.id = x.attempt_id join staff_member s on s.id = a.trainee_id
                where a.status = 'COMPLETED' and s.practice_id is not null group by s.practice_id, x.screen""", 2));
        out.put("route", rows("""
                select s.practice_id, a.scenario_id, coalesce(a.route_chosen, ''), count(*)
                from attempt a join staff_member s on s.id = a.trainee_id
                where a.status = 'COMPLETED' and s.practice_id is not null
                  and a.routing_grade in ('OVER_TRIAGE', 'UNDER_TRIAGE', 'INELIGIBLE', 'NOT_ROUTED')
                group by s.practice_id, a.scenario_id, coalesce(a.route_chosen, '')""", 3));
        return out;
    }

    private List<StaffSummary> allTrainees() {
        var was = SecurityContextHolder.getContext().getAuthentication();
        SignIn.as(users, "admin");
        try {
            return admin.allStaff().stream().filter(s -> jdbc.sql("select count(*) from attempt where trainee_id = ?")
                    .param(s.id()).query(Integer.class).single() > 0).toList();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(was);
        }
    }

    private static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).toString().compareTo(b.get(i).toString());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
