package uk.carenav.call;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import uk.carenav.Application;
import uk.carenav.scenario.CallAction;

/**
 * The server-side cost of one call step (a question asked: checked against the kept scenario and
 * appended to the H2 file database) with 8 trainees taking calls at once. Sample mode prints the
 * median and percentiles. Target: median under 20 ms. Run on demand:
 * {@code mvn -Pbenchmark test-compile exec:exec -Dbenchmark=CallStepBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(1)
@Threads(8)
public class CallStepBenchmark {

    private static final List<String> QUESTIONS = List.of("q-where", "q-when", "q-spread", "q-breathless", "q-history");

    @State(Scope.Benchmark)
    public static class App {
        ConfigurableApplicationContext context;
        Path dir;
        final AtomicInteger nextTrainee = new AtomicInteger();

        @Setup(Level.Trial)
        public void start() throws Exception {
            dir = Files.createTempDirectory("carenav-bench");
            context = new SpringApplicationBuilder(Application.class).run(
                    "--spring.config.location=classpath:/application.properties",
                    "--carenav.data-dir=" + dir.toAbsolutePath(),
                    "--carenav.demo-data=true", "--server.port=0", "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN");
        }

        @TearDown(Level.Trial)
        public void stop() {
            context.close();
        }
    }

    @State(Scope.Thread)
    public static class Trainee {
        CallService calls;
        String attemptId;
        int n;

        @Setup(Level.Trial)
        public void signInAndStartACall(App app) {
            // Six demo trainees; threads beyond six share an account but each takes its own call.
            String username = "trainee" + (app.nextTrainee.getAndIncrement() % 6 + 1);
            UserDetails u = app.context.getBean(UserDetailsService.class).loadUserByUsername(username);
            SecurityContextHolder.getContext().setAuthentication(
                    new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities()));
            calls = app.context.getBean(CallService.class);
            attemptId = calls.retry(calls.start("chest-pain-gardening", uk.carenav.call.Mode.PRACTICE));
        }
    }

    @Benchmark
    public CallEvent askAQuestion(Trainee t) {
        return t.calls.record(t.attemptId, new CallAction.Ask(QUESTIONS.get(t.n++ % QUESTIONS.size()), null));
    }
}
