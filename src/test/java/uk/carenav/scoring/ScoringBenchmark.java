package uk.carenav.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;

/**
 * How many calls the engine scores per second on one thread. Realistic transcripts: for every
 * scenario variant of the library, its model answer and a flawed call (a distractor asked, a screen
 * missed, the first under-triage route chosen, a thin note). Run on demand, not in {@code mvn verify}:
 * {@code mvn -Pbenchmark test-compile exec:exec -Dbenchmark=ScoringBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ScoringBenchmark {

    private record Job(Scenario scenario, Transcript transcript) {
    }

    private final ScoringEngine engine = new ScoringEngine(ScoringPolicy.defaults());
    private Catalogue catalogue;
    private Job[] jobs;
    private int next;

    @Setup
    public void load() {
        catalogue = Library.SHIPPED.catalogue();
        List<Job> list = new ArrayList<>();
        for (Scenario s : Library.SHIPPED.scenarios()) {
            for (Scenario.Variant v : s.variants()) {
                Scenario.Expected e = s.expected().get(v.id());
                list.add(new Job(s, Library.modelAnswer(s, v.id())));
                List<CallAction> flawed = new ArrayList<>();
                s.questions().stream().filter(q -> q.kind() == Scenario.QuestionKind.DISTRACTOR).findFirst()
                        .ifPresent(q -> flawed.add(new CallAction.Ask(q.id(), 3.0)));
                boolean skippedOne = false;
                for (CallAction a : e.modelAnswer()) {
                    if (!skippedOne && a instanceof CallAction.Ask ask && e.mustAsk().contains(ask.questionId())) {
                        skippedOne = true;
                        continue;
                    }
                    if (a instanceof CallAction.ChooseRoute && !e.underTriage().isEmpty()) {
                        flawed.add(new CallAction.ChooseRoute(e.underTriage().get(0), 40.0));
                    } else if (a instanceof CallAction.WriteNote) {
                        flawed.add(new CallAction.WriteNote("Caller rang, booked as requested.", 90.0));
                    } else {
                        flawed.add(a);
                    }
                }
                list.add(new Job(s, new Transcript(s.id(), s.version(), v.id(), flawed)));
            }
        }
        jobs = list.toArray(Job[]::new);
    }

    @Benchmark
    public void scoreOneCall(Blackhole bh) {
        Job job = jobs[next];
        next = next + 1 == jobs.length ? 0 : next + 1;
        bh.consume(engine.score(job.scenario, catalogue, job.transcript));
    }
}
