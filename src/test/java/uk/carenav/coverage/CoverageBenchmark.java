package uk.carenav.coverage;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import uk.carenav.Application;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;

/**
 * The coverage dashboard's queries on generated data: one area of 100 practices in 20 PCNs with 10,000
 * trainees and 1,000,000 finished calls (each trainee about 100 calls across every scenario; a quarter with a
 * red-flag screen), 3,000 sign-offs, on the H2 file database and on PostgreSQL (schema coverage_benchmark; connection
 * as for the tests: CARENAV_TEST_DB_URL, CARENAV_TEST_DB_USER, CARENAV_TEST_DB_PASSWORD).
 * Prints the mean time of each query, the weak-spots page's both as it reads now (roll-ups) and as it read
 * before (the calls themselves, the {@code *FromCalls} rows), and how long the roll-ups take to work out from
 * nothing. Target: under 1 s for every query the page runs. Run on demand:
 * {@code mvn -Pbenchmark test-compile exec:exec -Dbenchmark=CoverageBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@State(Scope.Benchmark)
public class CoverageBenchmark {

    /** The database: {@code h2} (a file) or {@code postgres}. */
    @Param({"h2", "postgres"})
    public String database;

    ConfigurableApplicationContext context;
    JdbcClient jdbc;
    Path dir;
    String schema;
    long first;
    long touches;
    AreaTrainingStatus status;
    AreaAnalysis analysis;
    UsernamePasswordAuthenticationToken lead;
    long area;

    /** Changes whenever the generated data changes, so older data is made again. */
    static final int DATA_VERSION = 2;

    @Setup(Level.Trial)
    public void generate() throws Exception {
        // JMH sets up each benchmark afresh: the data is generated once, kept (target/coverage-benchmark for H2,
        // schema coverage_benchmark on PostgreSQL) and used again by the next benchmark and the next run.
        dir = Path.of("target", "coverage-benchmark");
        Files.createDirectories(dir);
        List<String> args = new ArrayList<>(List.of("--spring.config.location=classpath:/application.properties",
                "--carenav.data-dir=" + dir.toAbsolutePath(), "--carenav.demo-data=true", "--server.port=0",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        if (database.equals("postgres")) {
            String password = System.getenv("CARENAV_TEST_DB_PASSWORD");
            if (password == null) {
                throw new IllegalStateException("Set CARENAV_TEST_DB_PASSWORD (and CARENAV_TEST_DB_URL, CARENAV_TEST_DB_USER"
                        + " if not the defaults) for the PostgreSQL half, as for the tests.");
            }
            schema = "coverage_benchmark";
            String url = System.getenv().getOrDefault("CARENAV_TEST_DB_URL", "jdbc:postgresql://localhost:5432/carenav_test");
            args.addAll(List.of("--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    "--spring.datasource.username=" + System.getenv().getOrDefault("CARENAV_TEST_DB_USER", "carenav"),
                    "--spring.datasource.password=" + password, "--spring.flyway.schemas=" + schema,
                    "--spring.jpa.properties.hibernate.default_schema=" + schema));
        }
        start(args);
        boolean kept = jdbc.sql("select count(*) from information_schema.tables where lower(table_name) = 'bench_done'")
                .query(Long.class).single() > 0
                && jdbc.sql("select max(version) from bench_done").query(Integer.class).single() == DATA_VERSION;
        if (kept) {
            first = jdbc.sql("select min(id) from staff_member where username like 'bench%'").query(Long.class).single();
            System.out.printf("%n[%s] Using the 10,000 trainees and 1,000,000 calls generated before%n", database);
            return;
        }
        if (jdbc.sql("select count(*) from staff_member where username like 'bench%'").query(Long.class).single() > 0) {
            throw new IllegalStateException("Data from an older version of this benchmark is in " + (schema == null ? dir
                    : "schema " + schema) + ": delete it (drop schema " + schema + " cascade) and run again.");
        }
        long t0 = System.nanoTime();
        // Plain SQL that runs on both databases: a table of the numbers 0 to 999,999 from a cross join of digits.
        jdbc.sql("create table bench_digit (d int primary key)").update();
        for (int d = 0; d < 10; d++) {
            jdbc.sql("insert into bench_digit values (?)").param(d).update();
        }
        jdbc.sql("create table bench_n (x int primary key)").update();
        jdbc.sql("""
                insert into bench_n select a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 100000 * g.d
                from bench_digit a, bench_digit b, bench_digit c, bench_digit e, bench_digit f, bench_digit g""").update();
        jdbc.sql("insert into pcn (area_id, name) select ?, 'Bench PCN ' || cast(x as varchar(10)) from bench_n where x between 1 and 20")
                .param(area).update();
        jdbc.sql("""
                insert into practice (pcn_id, ods_code, name)
                select (select id from pcn where name = 'Bench PCN ' || cast(mod(x, 20) + 1 as varchar(10))),
                       'B' || lpad(cast(x as varchar(10)), 5, '0'), 'Bench Practice ' || cast(x as varchar(10))
                from bench_n where x < 100""").update();
        jdbc.sql("""
                insert into staff_member (username, display_name, password_hash, enabled, practice_id, created_at, training, start_date)
                select 'bench' || cast(x as varchar(10)), 'Bench Navigator ' || cast(x as varchar(10)), 'x', true,
                       (select id from practice where ods_code = 'B' || lpad(cast(mod(x, 100) as varchar(10)), 5, '0')),
                       current_timestamp, case when mod(x, 25) = 0 then 'LONG_TERM_LEAVE' else 'REQUIRED' end,
                       current_date - mod(x, 900) * interval '1' day
                from bench_n where x < 10000""").update();
        jdbc.sql("insert into staff_role (staff_id, role) select id, 'TRAINEE' from staff_member where username like 'bench%'").update();
        first = jdbc.sql("select min(id) from staff_member where username like 'bench%'").query(Long.class).single();

        List<Scenario> scenarios = context.getBean(ScenarioLibrary.class).current().scenarios();
        jdbc.sql("create table bench_scenario (n int primary key, id varchar(100), category varchar(50))").update();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            jdbc.sql("insert into bench_scenario values (?, ?, ?)").params(i, s.id(), s.category()).update();
            jdbc.sql("insert into scenario_snapshot (scenario_id, version, content, saved_at) values (?, 999, 'bench', current_timestamp)")
                    .param(s.id()).update();
        }
        // Call x is taken by trainee (x mod 10,000) on scenario ((x + x / 10,000) mod n): every trainee meets
        // every scenario, as a trainee working through the library does.
        jdbc.sql("""
                insert into attempt (id, trainee_id, scenario_id, scenario_version, variant_id, category, title, mode, seed, status,
                                     started_at, ended_at, percentage, band, passed, critical, routing_grade, route_chosen)
                select 'b' || cast(r.x as varchar(10)), ? + mod(r.x, 10000), s.id, 999, 'v', s.category, 'Bench ' || s.id,
                       case when mod(r.x, 3) = 0 then 'ASSESSMENT' else 'PRACTICE' end, 0, 'COMPLETED',
                       current_timestamp - (mod(r.x * 7, 525600) + 10) * interval '1' minute,
                       current_timestamp - mod(r.x * 7, 525600) * interval '1' minute,
                       mod(r.x * 13, 100), case when mod(r.x * 13, 100) >= 70 then 'COMPLIANT' else 'LOW' end,
                       mod(r.x * 13, 100) >= 70, mod(r.x, 17) = 0,
                       case when mod(r.x, 11) = 0 then 'UNDER_TRIAGE' else 'CORRECT' end,
                       case when mod(r.x, 11) = 0 then 'routine-gp' else 'emergency-999' end
                from bench_n r join bench_scenario s on s.n = mod(r.x + r.x / 10000, ?)""")
                .params(first, scenarios.size()).update();
        jdbc.sql("""
                insert into attempt_screen (attempt_id, screen, asked)
                select 'b' || cast(x as varchar(10)), 'Bench red flag ' || cast(mod(x, 12) as varchar(10)), mod(x, 5) <> 0
                from bench_n where mod(x, 4) = 0""").update();
        jdbc.sql("""
                insert into trainee_status (trainee_id, sign_off, refresher_due, ready_until, started, blocking, policy_version, updated_at)
                select id, case when mod(id, 3) = 0 then 'ACTIVE' when mod(id, 31) = 0 then 'REVOKED' else 'NONE' end,
                       case when mod(id, 3) = 0 then current_date + (mod(id, 400) - 30) * interval '1' day end,
                       case when mod(id, 7) = 0 then current_timestamp + 30 * interval '1' day end, true,
                       case when mod(id, 2) = 0 then 'OBSERVED' else 'RECENT_CALLS,BANDS' end, '2026-11 v1', current_timestamp
                from staff_member where username like 'bench%'""").update();
        long admin = jdbc.sql("select id from staff_member where username = 'admin'").query(Long.class).single();
        jdbc.sql("""
                insert into sign_off (trainee_id, supervisor_id, signed_at, policy_version, is_exception, declaration, evidence, refresher_due)
                select id, ?, current_timestamp - mod(id, 365) * interval '1' day, '2026-11 v1', false, 'bench', '{}',
                       current_date + (mod(id, 400) - 30) * interval '1' day
                from staff_member where username like 'bench%' and mod(id, 3) = 0""").param(admin).update();
        System.out.printf("%n[%s] Generated 10,000 trainees, 1,000,000 calls in %.1f s%n", database, (System.nanoTime() - t0) / 1e9);

        // The roll-ups of the calls just written, worked out from nothing as at the first start after an upgrade.
        for (String table : List.of("rollup_practice_scenario", "rollup_practice_screen", "rollup_practice_wrong_route",
                "rollup_practice_month", "rollup_trainee_scenario", "rollup_trainee_screen", "rollup_trainee_wrong_route",
                "rollup_trainee_month", "rollup_trainee", "rollup_scenario")) {
            jdbc.sql("delete from " + table).update();
        }
        long t1 = System.nanoTime();
        context.getBean(WeakSpotRollups.class).catchUp();
        System.out.printf("[%s] Roll-ups of 1,000,000 calls worked out from nothing in %.1f s (%d per-trainee rows)%n",
                database, (System.nanoTime() - t1) / 1e9,
                jdbc.sql("select count(*) from rollup_trainee_scenario").query(Long.class).single());
        jdbc.sql("analyze").update();
        jdbc.sql("create table bench_done (version int)").update();
        jdbc.sql("insert into bench_done values (?)").param(DATA_VERSION).update();
        if (schema == null) {
            // H2 keeps old versions of the pages a bulk load rewrote: compact the file once, as a real install would
            // be after an upgrade, so the queries do not read five times the data.
            context.close();
            long t2 = System.nanoTime();
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("carenav"), "sa", "");
                    Statement st = c.createStatement()) {
                st.execute("shutdown compact");
            }
            System.out.printf("[h2] Database file compacted in %.1f s: %d MB%n", (System.nanoTime() - t2) / 1e9,
                    Files.size(dir.resolve("carenav.mv.db")) / 1_000_000);
            start(args);
        }
    }

    private void start(List<String> args) {
        context = new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
        jdbc = context.getBean(JdbcClient.class);
        area = jdbc.sql("select id from area").query(Long.class).list().get(0);
        UserDetails u = context.getBean(UserDetailsService.class).loadUserByUsername("lead1");
        lead = new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities());
        status = context.getBean(AreaTrainingStatus.class);
        analysis = context.getBean(AreaAnalysis.class);
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    /**
     * Before every query, one call, one trainee's row and their roll-ups change, as they do all day on a live system. Without a
     * change to the tables a query reads, H2 would answer it again from its result cache and the figure would
     * mean nothing.
     */
    @Setup(Level.Invocation)
    public void somethingChanged() {
        long n = touches++;
        jdbc.sql("update trainee_status set updated_at = current_timestamp where trainee_id = ?").param(first + n % 10_000)
                .update();
        jdbc.sql("update attempt set seed = seed + 1 where id = ?").param("b" + n % 1_000_000).update();
        jdbc.sql("update attempt_screen set asked = asked where attempt_id = ?").param("b" + (n % 250_000) * 4).update();
        // A call ending touches the roll-ups of its trainee and practice.
        long trainee = first + n % 10_000;
        jdbc.sql("update rollup_trainee set calls = calls where trainee_id = ?").param(trainee).update();
        jdbc.sql("update rollup_trainee_scenario set calls = calls where trainee_id = ?").param(trainee).update();
        jdbc.sql("update rollup_trainee_month set calls = calls where trainee_id = ?").param(trainee).update();
        for (String table : List.of("rollup_practice_scenario", "rollup_practice_screen", "rollup_practice_wrong_route",
                "rollup_practice_month")) {
            jdbc.sql("update " + table + " set practice_id = practice_id where practice_id = (select practice_id from"
                    + " staff_member where id = ?)").param(trainee).update();
        }
    }

    private void asLead() {
        SecurityContextHolder.getContext().setAuthentication(lead);
    }

    @Benchmark
    public Object areaView() {
        asLead();
        return status.myArea();
    }

    @Benchmark
    public Object practicePeople() {
        asLead();
        return status.practicePeople("B00042");
    }

    @Benchmark
    public Object trendTwelveMonths() {
        asLead();
        return status.trend(12);
    }

    @Benchmark
    public Object competencyHeatMap() {
        asLead();
        return analysis.competencies();
    }

    @Benchmark
    public Object missedRedFlags() {
        asLead();
        return analysis.missedRedFlags(8);
    }

    @Benchmark
    public Object itemAnalysis() {
        asLead();
        return analysis.items();
    }

    /** The queries the weak-spots page ran before the roll-ups, on the calls themselves (aggregates only). */
    private static final String AREA_CALLS = """
             from attempt a
            join staff_member s on s.id = a.trainee_id
            join practice p on p.id = s.practice_id
            join pcn c on c.id = p.pcn_id
            where c.area_id = :area and a.status = 'COMPLETED'""";

    @Benchmark
    public Object competencyHeatMapFromCalls() {
        return jdbc.sql("select p.name, a.scenario_id, count(*), sum(case when a.passed then 1 else 0 end)" + AREA_CALLS
                + " group by p.name, a.scenario_id").param("area", area).query().listOfRows();
    }

    @Benchmark
    public Object missedRedFlagsFromCalls() {
        return jdbc.sql("select p.name, x.screen, count(*), sum(case when x.asked then 0 else 1 end) from attempt_screen x"
                + " join attempt a on a.id = x.attempt_id" + AREA_CALLS.substring(AREA_CALLS.indexOf("\n"))
                + " group by p.name, x.screen").param("area", area).query().listOfRows();
    }

    @Benchmark
    public Object itemAnalysisFromCalls() {
        List<Object> out = new ArrayList<>();
        out.add(jdbc.sql("select a.scenario_id, max(a.title), max(a.category), count(*), sum(case when a.passed then 1 else 0 end),"
                + " avg(a.percentage)" + AREA_CALLS + " group by a.scenario_id").param("area", area).query().listOfRows());
        out.add(jdbc.sql("with means as (select a.trainee_id, avg(a.percentage) mean_score" + AREA_CALLS + " group by a.trainee_id),"
                + " ranked as (select trainee_id, ntile(4) over (order by mean_score) quarter from means)"
                + " select a.scenario_id, r.quarter, count(*), sum(case when a.passed then 1 else 0 end)"
                + " from attempt a join ranked r on r.trainee_id = a.trainee_id"
                + " where a.status = 'COMPLETED' and r.quarter in (1, 4) group by a.scenario_id, r.quarter")
                .param("area", area).query().listOfRows());
        out.add(jdbc.sql("select a.scenario_id, a.route_chosen, count(*)" + AREA_CALLS
                + " and a.routing_grade in ('OVER_TRIAGE', 'UNDER_TRIAGE', 'INELIGIBLE', 'NOT_ROUTED')"
                + " group by a.scenario_id, a.route_chosen").param("area", area).query().listOfRows());
        return out;
    }
}
