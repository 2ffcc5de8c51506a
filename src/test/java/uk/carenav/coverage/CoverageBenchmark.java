package uk.carenav.coverage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
 * trainees and 1,000,000 finished calls (a quarter with a red-flag screen), 3,000 sign-offs, on the H2 file
 * database. Prints the mean time of each query. Target: under 1 s for the area view. Run on demand:
 * {@code mvn -Pbenchmark test-compile exec:exec -Dbenchmark=CoverageBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@State(Scope.Benchmark)
public class CoverageBenchmark {

    ConfigurableApplicationContext context;
    JdbcClient jdbc;
    Path dir;
    long first;
    long touches;
    AreaTrainingStatus status;
    AreaAnalysis analysis;
    UsernamePasswordAuthenticationToken lead;

    @Setup(Level.Trial)
    public void generate() throws Exception {
        dir = Files.createTempDirectory("carenav-coverage-bench");
        context = new SpringApplicationBuilder(Application.class).run(
                "--spring.config.location=classpath:/application.properties", "--carenav.data-dir=" + dir.toAbsolutePath(),
                "--carenav.demo-data=true", "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        jdbc = context.getBean(JdbcClient.class);
        long t0 = System.nanoTime();
        long area = jdbc.sql("select id from area").query(Long.class).list().get(0);
        jdbc.sql("insert into pcn (area_id, name) select ?, 'Bench PCN ' || x from system_range(1, 20)").param(area).update();
        jdbc.sql("""
                insert into practice (pcn_id, ods_code, name)
                select (select id from pcn where name = 'Bench PCN ' || (mod(x, 20) + 1)), 'B' || lpad(x, 5, '0'), 'Bench Practice ' || x
                from system_range(0, 99)""").update();
        jdbc.sql("""
                insert into staff_member (username, display_name, password_hash, enabled, practice_id, created_at, training, start_date)
                select 'bench' || x, 'Bench Navigator ' || x, 'x', true,
                       (select id from practice where ods_code = 'B' || lpad(mod(x, 100), 5, '0')), current_timestamp,
                       case when mod(x, 25) = 0 then 'LONG_TERM_LEAVE' else 'REQUIRED' end, dateadd('DAY', -mod(x, 900), current_date)
                from system_range(0, 9999)""").update();
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
        jdbc.sql("""
                insert into attempt (id, trainee_id, scenario_id, scenario_version, variant_id, category, title, mode, seed, status,
                                     started_at, ended_at, percentage, band, passed, critical, routing_grade, route_chosen)
                select 'b' || r.x, ? + mod(r.x, 10000), s.id, 999, 'v', s.category, 'Bench ' || s.id,
                       case when mod(r.x, 3) = 0 then 'ASSESSMENT' else 'PRACTICE' end, 0, 'COMPLETED',
                       dateadd('MINUTE', -mod(r.x * 7, 525600) - 10, current_timestamp),
                       dateadd('MINUTE', -mod(r.x * 7, 525600), current_timestamp),
                       mod(r.x * 13, 100), case when mod(r.x * 13, 100) >= 70 then 'COMPLIANT' else 'LOW' end,
                       mod(r.x * 13, 100) >= 70, mod(r.x, 17) = 0,
                       case when mod(r.x, 11) = 0 then 'UNDER_TRIAGE' else 'CORRECT' end,
                       case when mod(r.x, 11) = 0 then 'routine-gp' else 'emergency-999' end
                from system_range(0, 999999) r join bench_scenario s on s.n = mod(r.x, ?)""")
                .params(first, scenarios.size()).update();
        jdbc.sql("""
                insert into attempt_screen (attempt_id, screen, asked)
                select 'b' || x, 'Bench red flag ' || mod(x, 12), mod(x, 5) <> 0 from system_range(0, 999999) where mod(x, 4) = 0""")
                .update();
        jdbc.sql("""
                insert into trainee_status (trainee_id, sign_off, refresher_due, ready_until, started, blocking, policy_version, updated_at)
                select id, case when mod(id, 3) = 0 then 'ACTIVE' when mod(id, 31) = 0 then 'REVOKED' else 'NONE' end,
                       case when mod(id, 3) = 0 then dateadd('DAY', mod(id, 400) - 30, current_date) end,
                       case when mod(id, 7) = 0 then dateadd('DAY', 30, current_timestamp) end, true,
                       case when mod(id, 2) = 0 then 'OBSERVED' else 'RECENT_CALLS,BANDS' end, '2026-11 v1', current_timestamp
                from staff_member where username like 'bench%'""").update();
        long admin = jdbc.sql("select id from staff_member where username = 'admin'").query(Long.class).single();
        jdbc.sql("""
                insert into sign_off (trainee_id, supervisor_id, signed_at, policy_version, is_exception, declaration, evidence, refresher_due)
                select id, ?, dateadd('DAY', -mod(id, 365), current_timestamp), '2026-11 v1', false, 'bench', '{}',
                       dateadd('DAY', mod(id, 400) - 30, current_date)
                from staff_member where username like 'bench%' and mod(id, 3) = 0""").param(admin).update();
        jdbc.sql("analyze").update();
        System.out.printf("%nGenerated 10,000 trainees, 1,000,000 calls in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        UserDetails u = context.getBean(UserDetailsService.class).loadUserByUsername("lead1");
        lead = new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities());
        status = context.getBean(AreaTrainingStatus.class);
        analysis = context.getBean(AreaAnalysis.class);
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        context.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Before every query, one call and one trainee's row change, as they do all day on a live system. Without a
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
}
