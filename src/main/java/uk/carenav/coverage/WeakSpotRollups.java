package uk.carenav.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.carenav.base.UkTime;
import uk.carenav.call.AttemptSummary;
import uk.carenav.call.CallHistory;
import uk.carenav.call.EvidenceChanged;
import uk.carenav.call.Mode;

/**
 * Keeps the roll-ups behind the weak-spots page and the 12-month trend ({@code rollup_*} tables) in step with the calls, in the same
 * transaction as the change: when a trainee's evidence changes (a call ends, a finding is overridden) their
 * calls are counted again, compared with what was counted for them before, and only the difference is added to
 * their practice's rows. A trainee who has moved practice is taken out of the old practice's rows and counted
 * under the new one, before every read of the page and at start-up. A pass counts as it stands after
 * supervisors' overrides, as readiness does; a re-score is recorded beside the call and changes nothing here.
 * At start-up, roll-ups missing (the first start after an upgrade) are worked out from the calls.
 */
@Component
public class WeakSpotRollups {

    private static final Logger log = LoggerFactory.getLogger(WeakSpotRollups.class);

    /** Routing grades that count as a wrong route in item analysis. */
    static final String WRONG_GRADES = "('OVER_TRIAGE', 'UNDER_TRIAGE', 'INELIGIBLE', 'NOT_ROUTED')";

    /** One roll-up: its per-trainee table, its per-practice table, the key columns and the counted columns. */
    record Shape(String traineeTable, String practiceTable, List<String> keys, List<String> values) {
    }

    static final Shape SCENARIOS = new Shape("rollup_trainee_scenario", "rollup_practice_scenario",
            List.of("scenario_id"), List.of("calls", "passed", "score_sum"));
    static final Shape SCREENS = new Shape("rollup_trainee_screen", "rollup_practice_screen", List.of("screen"),
            List.of("screens", "missed"));
    static final Shape WRONG_ROUTES = new Shape("rollup_trainee_wrong_route", "rollup_practice_wrong_route",
            List.of("scenario_id", "route"), List.of("calls"));
    /** Assessed calls and passes by the calendar month (Europe/London) the call ended in, for the trend. */
    static final Shape MONTHS = new Shape("rollup_trainee_month", "rollup_practice_month", List.of("calendar_month"),
            List.of("calls", "passed"));
    static final List<Shape> SHAPES = List.of(SCENARIOS, SCREENS, WRONG_ROUTES, MONTHS);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final CallHistory calls;
    private final TransactionTemplate tx;
    private final TransactionTemplate newTx;

    WeakSpotRollups(JdbcClient jdbc, JdbcTemplate batch, CallHistory calls, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.calls = calls;
        this.tx = new TransactionTemplate(transactions);
        this.newTx = new TransactionTemplate(transactions);
        newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(EvidenceChanged e) {
        recount(e.traineeId());
    }

    /**
     * Counts one trainee's finished calls again and moves the difference from what was counted before into the
     * practice roll-ups (all of it, when they have moved practice). Runs in the caller's transaction.
     */
    void recount(long traineeId) {
        // Locking the trainee's row keeps two recounts of one trainee from interleaving.
        Optional<Long> practice = jdbc.sql("select practice_id from staff_member where id = ? for update").param(traineeId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, Long.class))).optional().orElse(Optional.empty());
        List<Long> before = jdbc.sql("select practice_id from rollup_trainee where trainee_id = ?").param(traineeId)
                .query((rs, n) -> rs.getObject(1, Long.class)).list();
        boolean counted = !before.isEmpty();
        Long was = counted ? before.get(0) : null;
        Long now = practice.orElse(null);

        List<AttemptSummary> finished = calls.effectiveCallsOf(traineeId).stream().filter(AttemptSummary::completed).toList();
        Map<Shape, Map<List<String>, BigDecimal[]>> fresh = fromCalls(traineeId, finished);
        if (!counted && finished.isEmpty()) {
            return;
        }
        // Practices are locked in id order so two recounts in one practice add up instead of racing to insert.
        new TreeSet<>(Stream.of(was, now).filter(Objects::nonNull).toList()).forEach(
                id -> jdbc.sql("select id from practice where id = ? for update").param(id).query(Long.class).list());
        for (Shape shape : SHAPES) {
            Map<List<String>, BigDecimal[]> old = counted ? traineeRows(shape, traineeId) : Map.of();
            Map<List<String>, BigDecimal[]> updated = fresh.get(shape);
            if (Objects.equals(was, now)) {
                addToPractice(shape, now, difference(shape, updated, old));
            } else {
                addToPractice(shape, was, difference(shape, Map.of(), old));
                addToPractice(shape, now, updated);
            }
            replaceTraineeRows(shape, traineeId, old, updated);
        }
        BigDecimal scores = finished.stream().map(a -> score(a.percentage())).reduce(BigDecimal.ZERO, BigDecimal::add);
        Object[] totals = {now, finished.size(), scores, traineeId};
        if (counted) {
            jdbc.sql("update rollup_trainee set practice_id = ?, calls = ?, score_sum = ? where trainee_id = ?").params(totals)
                    .update();
        } else {
            jdbc.sql("insert into rollup_trainee (practice_id, calls, score_sum, trainee_id) values (?, ?, ?, ?)")
                    .params(totals).update();
        }
        Map<String, AttemptSummary> latest = new LinkedHashMap<>();
        finished.forEach(a -> latest.putIfAbsent(a.scenarioId(), a));
        latest.values().forEach(a -> jdbc.sql("""
                insert into rollup_scenario (scenario_id, title, category)
                select ?, ?, ? where not exists (select 1 from rollup_scenario where scenario_id = ?)""")
                .params(a.scenarioId(), a.title(), a.category(), a.scenarioId()).update());
    }

    /** What a trainee's finished calls add up to, per roll-up. */
    private Map<Shape, Map<List<String>, BigDecimal[]>> fromCalls(long traineeId, List<AttemptSummary> finished) {
        Map<List<String>, BigDecimal[]> scenarios = new HashMap<>();
        for (AttemptSummary a : finished) {
            add(scenarios, List.of(a.scenarioId()),
                    new BigDecimal[] {BigDecimal.ONE, Boolean.TRUE.equals(a.passed()) ? BigDecimal.ONE : BigDecimal.ZERO,
                            score(a.percentage())});
        }
        Map<List<String>, BigDecimal[]> screens = new HashMap<>();
        jdbc.sql("""
                select x.screen, count(*), sum(case when x.asked then 0 else 1 end)
                from attempt_screen x join attempt a on a.id = x.attempt_id
                where a.trainee_id = ? and a.status = 'COMPLETED' group by x.screen""").param(traineeId)
                .query(rs -> {
                    screens.put(List.of(rs.getString(1)),
                            new BigDecimal[] {BigDecimal.valueOf(rs.getLong(2)), BigDecimal.valueOf(rs.getLong(3))});
                });
        Map<List<String>, BigDecimal[]> routes = new HashMap<>();
        jdbc.sql("select scenario_id, coalesce(route_chosen, ''), count(*) from attempt where trainee_id = ?"
                        + " and status = 'COMPLETED' and routing_grade in " + WRONG_GRADES
                        + " group by scenario_id, coalesce(route_chosen, '')").param(traineeId)
                .query(rs -> {
                    routes.put(List.of(rs.getString(1), rs.getString(2)), new BigDecimal[] {BigDecimal.valueOf(rs.getLong(3))});
                });
        Map<List<String>, BigDecimal[]> months = new HashMap<>();
        for (AttemptSummary a : finished) {
            if (a.mode() == Mode.ASSESSMENT && a.endedAt() != null) {
                add(months, List.of(month(a.endedAt())), new BigDecimal[] {BigDecimal.ONE,
                        Boolean.TRUE.equals(a.passed()) ? BigDecimal.ONE : BigDecimal.ZERO});
            }
        }
        return Map.of(SCENARIOS, scenarios, SCREENS, screens, WRONG_ROUTES, routes, MONTHS, months);
    }

    /** The roll-up key of the calendar month, in Europe/London, that {@code at} falls in: '2026-03'. */
    static String month(Instant at) {
        return YearMonth.from(at.atZone(UkTime.ZONE)).toString();
    }

    private static void add(Map<List<String>, BigDecimal[]> into, List<String> key, BigDecimal[] values) {
        BigDecimal[] sum = into.computeIfAbsent(key, k -> zeros(values.length));
        for (int i = 0; i < values.length; i++) {
            sum[i] = sum[i].add(values[i]);
        }
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] z = new BigDecimal[n];
        Arrays.fill(z, BigDecimal.ZERO);
        return z;
    }

    static BigDecimal score(Double percentage) {
        return percentage == null ? BigDecimal.ZERO : BigDecimal.valueOf(percentage).setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code a - b}, key by key, leaving out keys where nothing changed. */
    private static Map<List<String>, BigDecimal[]> difference(Shape shape, Map<List<String>, BigDecimal[]> a,
            Map<List<String>, BigDecimal[]> b) {
        Map<List<String>, BigDecimal[]> out = new LinkedHashMap<>();
        Set<List<String>> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (List<String> key : keys) {
            BigDecimal[] x = a.getOrDefault(key, zeros(shape.values().size()));
            BigDecimal[] y = b.getOrDefault(key, zeros(shape.values().size()));
            BigDecimal[] d = new BigDecimal[x.length];
            boolean changed = false;
            for (int i = 0; i < x.length; i++) {
                d[i] = x[i].subtract(y[i]);
                changed |= d[i].signum() != 0;
            }
            if (changed) {
                out.put(key, d);
            }
        }
        return out;
    }

    private Map<List<String>, BigDecimal[]> traineeRows(Shape shape, long traineeId) {
        Map<List<String>, BigDecimal[]> out = new HashMap<>();
        int k = shape.keys().size();
        jdbc.sql("select " + String.join(", ", shape.keys()) + ", " + String.join(", ", shape.values()) + " from "
                        + shape.traineeTable() + " where trainee_id = ?").param(traineeId)
                .query(rs -> {
                    List<String> key = new ArrayList<>();
                    for (int i = 1; i <= k; i++) {
                        key.add(rs.getString(i));
                    }
                    BigDecimal[] v = new BigDecimal[shape.values().size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getBigDecimal(k + 1 + i);
                    }
                    out.put(List.copyOf(key), v);
                });
        return out;
    }

    /** Adds each row of {@code delta} to the practice's row of the same key (made when it is the first). */
    private void addToPractice(Shape shape, Long practiceId, Map<List<String>, BigDecimal[]> delta) {
        if (practiceId == null || delta.isEmpty()) {
            return;
        }
        String set = shape.values().stream().map(v -> v + " = " + v + " + ?").collect(Collectors.joining(", "));
        String where = " where practice_id = ?" + shape.keys().stream().map(c -> " and " + c + " = ?").collect(Collectors.joining());
        String insert = "insert into " + shape.practiceTable() + " (" + String.join(", ", shape.values()) + ", practice_id, "
                + String.join(", ", shape.keys()) + ") values (" + "?, ".repeat(shape.values().size() + 1 + shape.keys().size())
                        .replaceAll(", $", "") + ")";
        for (var e : delta.entrySet()) {
            List<Object> params = new ArrayList<>(List.of((Object[]) e.getValue()));
            params.add(practiceId);
            params.addAll(e.getKey());
            if (jdbc.sql("update " + shape.practiceTable() + " set " + set + where).params(params).update() == 0) {
                jdbc.sql(insert).params(params).update();
            }
        }
    }

    /** Rewrites only the trainee's rows that changed; rows that fall to nothing are removed. */
    private void replaceTraineeRows(Shape shape, long traineeId, Map<List<String>, BigDecimal[]> old,
            Map<List<String>, BigDecimal[]> updated) {
        String where = " where trainee_id = ?" + shape.keys().stream().map(c -> " and " + c + " = ?").collect(Collectors.joining());
        for (List<String> key : old.keySet()) {
            if (!updated.containsKey(key)) {
                List<Object> params = new ArrayList<>();
                params.add(traineeId);
                params.addAll(key);
                jdbc.sql("delete from " + shape.traineeTable() + where).params(params).update();
            }
        }
        for (var e : updated.entrySet()) {
            BigDecimal[] before = old.get(e.getKey());
            if (before != null && difference(shape, Map.of(e.getKey(), e.getValue()), Map.of(e.getKey(), before)).isEmpty()) {
                continue;
            }
            List<Object> params = new ArrayList<>(List.of((Object[]) e.getValue()));
            params.add(traineeId);
            params.addAll(e.getKey());
            if (before != null) {
                String set = shape.values().stream().map(v -> v + " = ?").collect(Collectors.joining(", "));
                jdbc.sql("update " + shape.traineeTable() + " set " + set + where).params(params).update();
            } else {
                jdbc.sql("insert into " + shape.traineeTable() + " (" + String.join(", ", shape.values()) + ", trainee_id, "
                        + String.join(", ", shape.keys()) + ") values ("
                        + "?, ".repeat(shape.values().size() + 1 + shape.keys().size()).replaceAll(", $", "") + ")")
                        .params(params).update();
            }
        }
    }

    /**
     * Trainees counted under a practice they are no longer at (an administrator or a roster import moved them):
     * counts each again under their practice now, each in a transaction of its own. Returns how many moved.
     */
    public int followMoves() {
        List<Long> moved = jdbc.sql("""
                select r.trainee_id from rollup_trainee r join staff_member s on s.id = r.trainee_id
                where s.practice_id is distinct from r.practice_id order by r.trainee_id""").query(Long.class).list();
        moved.forEach(id -> newTx.executeWithoutResult(s -> recount(id)));
        return moved.size();
    }

    /**
     * At start-up, after older calls have their routes and screens filled in: when nothing has been rolled up yet
     * (the first start after an upgrade) everything is added up in SQL, then the trainees whose calls carry
     * supervisors' overrides are counted again one by one; then any trainee with finished calls and no roll-up is
     * counted, and moves are followed.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void catchUp() {
        long t0 = System.nanoTime();
        boolean empty = jdbc.sql("select count(*) from rollup_trainee").query(Long.class).single() == 0;
        boolean noMonths = jdbc.sql("select count(*) from rollup_trainee_month").query(Long.class).single() == 0
                && jdbc.sql("select count(*) from attempt where status = 'COMPLETED' and mode = 'ASSESSMENT'")
                        .query(Long.class).single() > 0;
        int overridden = 0;
        if (!empty && noMonths) {
            // Upgraded from before the month roll-ups: only they are missing.
            tx.executeWithoutResult(s -> {
                buildMonths();
                buildPractice(MONTHS);
            });
            List<Long> withOverrides = traineesWithOverrides();
            withOverrides.forEach(id -> tx.executeWithoutResult(s -> recount(id)));
            log.info("Rolled up assessed calls by month in {} ms ({} trainees with overrides counted one by one)",
                    (System.nanoTime() - t0) / 1_000_000, withOverrides.size());
        }
        if (empty && jdbc.sql("select count(*) from attempt where status = 'COMPLETED'").query(Long.class).single() > 0) {
            tx.executeWithoutResult(s -> buildAll());
            List<Long> withOverrides = traineesWithOverrides();
            withOverrides.forEach(id -> tx.executeWithoutResult(s -> recount(id)));
            overridden = withOverrides.size();
            log.info("Rolled up the calls behind weak spots in {} ms ({} trainees with overrides counted one by one)",
                    (System.nanoTime() - t0) / 1_000_000, overridden);
        }
        int missing = 0;
        while (true) {
            List<Long> batch = jdbc.sql("""
                    select distinct a.trainee_id from attempt a
                    where a.status = 'COMPLETED' and not exists (select 1 from rollup_trainee r where r.trainee_id = a.trainee_id)
                    order by a.trainee_id fetch first 200 rows only""").query(Long.class).list();
            if (batch.isEmpty()) {
                break;
            }
            tx.executeWithoutResult(s -> batch.forEach(this::recount));
            missing += batch.size();
        }
        int moved = followMoves();
        if (missing + moved > 0) {
            log.info("Weak-spot roll-ups: counted {} trainees who had none, followed {} moves", missing, moved);
        }
    }

    private List<Long> traineesWithOverrides() {
        return jdbc.sql("""
                select distinct a.trainee_id from attempt a
                where a.status = 'COMPLETED' and a.critical = true
                  and exists (select 1 from finding_override o where o.attempt_id = a.id)""").query(Long.class).list();
    }

    /**
     * The trainees' month rows from their assessed calls, in one pass over the calls; the month of each call is
     * worked out here rather than in SQL, so both databases split months at midnight in Europe/London.
     */
    private void buildMonths() {
        Map<List<Object>, int[]> months = new HashMap<>();
        jdbc.sql("select trainee_id, ended_at, passed from attempt where status = 'COMPLETED' and mode = 'ASSESSMENT'"
                + " and ended_at is not null").query(rs -> {
                    int[] v = months.computeIfAbsent(List.of(rs.getLong(1), month(rs.getTimestamp(2).toInstant())),
                            k -> new int[2]);
                    v[0]++;
                    v[1] += rs.getBoolean(3) ? 1 : 0;
                });
        List<Object[]> rows = months.entrySet().stream().map(e -> new Object[] {e.getKey().get(0), e.getKey().get(1),
                e.getValue()[0], e.getValue()[1]}).toList();
        for (int i = 0; i < rows.size(); i += 1000) {
            batch.batchUpdate("insert into rollup_trainee_month (trainee_id, calendar_month, calls, passed) values (?, ?, ?, ?)",
                    rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }

    /** A practice roll-up summed from its trainee roll-up, under the practice each trainee was counted at. */
    private void buildPractice(Shape shape) {
        String keys = shape.keys().stream().map(k -> "t." + k).collect(Collectors.joining(", "));
        String sums = shape.values().stream().map(v -> "sum(t." + v + ")").collect(Collectors.joining(", "));
        jdbc.sql("insert into " + shape.practiceTable() + " (practice_id, " + String.join(", ", shape.keys()) + ", "
                + String.join(", ", shape.values()) + ") select r.practice_id, " + keys + ", " + sums + " from "
                + shape.traineeTable() + " t join rollup_trainee r on r.trainee_id = t.trainee_id"
                + " where r.practice_id is not null group by r.practice_id, " + keys).update();
    }

    /** Every roll-up from the calls in SQL, into empty tables; passes as recorded (overrides are applied after). */
    private void buildAll() {
        jdbc.sql("""
                insert into rollup_trainee_scenario (trainee_id, scenario_id, calls, passed, score_sum)
                select trainee_id, scenario_id, count(*), sum(case when passed then 1 else 0 end), coalesce(sum(percentage), 0)
                from attempt where status = 'COMPLETED' group by trainee_id, scenario_id""").update();
        jdbc.sql("""
                insert into rollup_trainee_screen (trainee_id, screen, screens, missed)
                select a.trainee_id, x.screen, count(*), sum(case when x.asked then 0 else 1 end)
                from attempt_screen x join attempt a on a.id = x.attempt_id
                where a.status = 'COMPLETED' group by a.trainee_id, x.screen""").update();
        jdbc.sql("insert into rollup_trainee_wrong_route (trainee_id, scenario_id, route, calls)"
                + " select trainee_id, scenario_id, coalesce(route_chosen, ''), count(*) from attempt"
                + " where status = 'COMPLETED' and routing_grade in " + WRONG_GRADES
                + " group by trainee_id, scenario_id, coalesce(route_chosen, '')").update();
        jdbc.sql("""
                insert into rollup_trainee (trainee_id, practice_id, calls, score_sum)
                select s.id, s.practice_id, t.calls, t.score_sum
                from (select trainee_id, sum(calls) calls, sum(score_sum) score_sum from rollup_trainee_scenario
                      group by trainee_id) t
                join staff_member s on s.id = t.trainee_id""").update();
        buildMonths();
        SHAPES.forEach(this::buildPractice);
        jdbc.sql("""
                insert into rollup_scenario (scenario_id, title, category)
                select scenario_id, max(title), max(category) from attempt where status = 'COMPLETED' group by scenario_id""")
                .update();
    }
}
