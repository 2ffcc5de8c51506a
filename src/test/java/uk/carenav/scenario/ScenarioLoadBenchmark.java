package uk.carenav.scenario;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to read and check a library of 1,000 scenario files (copies of the shipped ones under new ids),
 * catalogue included. Target: under 2 s. Run on demand:
 * {@code mvn -Pbenchmark test-compile exec:exec -Dbenchmark=ScenarioLoadBenchmark}.
 * "Cold" is the first load in a fresh JVM, as at application start; "warm" the steady state, as a reload.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(3)
public class ScenarioLoadBenchmark {

    static final int COUNT = 1000;
    private Map<String, SourceFile> catalogue;
    private List<SourceFile> files;

    @Setup
    public void generate() throws Exception {
        catalogue = LibraryLoader.catalogueFrom(Path.of("scenarios/catalogue"));
        List<Path> shipped;
        try (Stream<Path> walk = Files.walk(Path.of("scenarios/library"))) {
            shipped = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        files = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Path p = shipped.get(i % shipped.size());
            String text = Files.readString(p);
            String id = p.getFileName().toString().replace(".yaml", "");
            String copy = text.replaceFirst("(?m)^id: " + id + "$", "id: " + id + "-copy-" + i);
            String folder = p.getParent().getFileName().toString();
            files.add(new SourceFile("library/" + folder + "/" + id + "-copy-" + i + ".yaml",
                    copy.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public LibraryLoader.Result coldLoadOf1000Scenarios() {
        return check(LibraryLoader.load(catalogue, "scenarios/catalogue", files));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 3)
    public LibraryLoader.Result warmLoadOf1000Scenarios() {
        return check(LibraryLoader.load(catalogue, "scenarios/catalogue", files));
    }

    private static LibraryLoader.Result check(LibraryLoader.Result r) {
        if (r.scenarios().size() != COUNT) {
            throw new IllegalStateException("expected " + COUNT + " valid scenarios, got " + r.scenarios().size()
                    + ": " + r.allProblems().stream().limit(3).toList());
        }
        return r;
    }
}
