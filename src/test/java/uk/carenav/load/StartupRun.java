package uk.carenav.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * How long the production jar takes from {@code java} to answering its sign-in page, measured side by side for
 * the jar as built ({@code java -jar}) and for the same jar extracted with a class-data archive (the fast start
 * the README describes). Each form starts {@code runs} times on the same data (an organisation made by a first
 * start with demo data); the archive's one-off training run is timed too.
 * {@code mvn -Pstartup test-compile exec:exec -Druns=3} after {@code mvn -Pproduction package -DskipTests}.
 */
public final class StartupRun {

    private StartupRun() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path jar = LoadRun.productionJar();
        Path work = Files.createTempDirectory("carenav-startup");
        Path data = work.resolve("data");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://localhost:" + port + "/";

        // A first start makes the schema and the demo organisation, so every measured start opens the same data.
        Process first = start(work, data, port, "first.log", "-jar", jar.toString());
        LoadRun.waitFor(base + "login", first);
        LoadRun.waitForDemoAccounts(base);
        LoadRun.stop(first);

        double[] plain = new double[runs];
        for (int i = 0; i < runs; i++) {
            plain[i] = timeToSignIn(work, data, port, base, "-jar", jar.toString());
        }

        Path extracted = work.resolve("fast-start");
        exec(work, "java", "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", extracted.toString());
        Path archive = extracted.resolve("carenav-trainer.jsa");
        Path scratch = work.resolve("archive-training-data");
        long t0 = System.nanoTime();
        exec(work, "java", "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                extracted.resolve("carenav-trainer.jar").toString(), "--carenav.data-dir=" + scratch,
                "--server.port=" + port, "--server.address=127.0.0.1");
        double training = (System.nanoTime() - t0) / 1e9;
        double[] fast = new double[runs];
        for (int i = 0; i < runs; i++) {
            fast[i] = timeToSignIn(work, data, port, base, "-XX:SharedArchiveFile=" + archive, "-jar",
                    extracted.resolve("carenav-trainer.jar").toString());
        }
        FileSystemUtils.deleteRecursively(work);

        System.out.println();
        System.out.printf("Start-up to the sign-in page on %d cores, %d runs each (seconds):%n",
                Runtime.getRuntime().availableProcessors(), runs);
        System.out.printf("  java -jar carenav-trainer.jar              median %5.1f  runs %s%n", median(plain), list(plain));
        System.out.printf("  extracted, with a class-data archive       median %5.1f  runs %s%n", median(fast), list(fast));
        System.out.printf("  (making the class-data archive, once per build: %.1f s)%n", training);
    }

    private static double timeToSignIn(Path work, Path data, int port, String base, String... command) throws Exception {
        long t0 = System.nanoTime();
        Process p = start(work, data, port, "server.log", command);
        try {
            LoadRun.waitFor(base + "login", p);
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            LoadRun.stop(p);
        }
    }

    private static Process start(Path work, Path data, int port, String log, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of("java"));
        line.addAll(Arrays.asList(command));
        line.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1", "--carenav.data-dir=" + data,
                "--carenav.demo-data=true"));
        return new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(work.resolve(log).toFile()).start();
    }

    private static void exec(Path work, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("tools.log").toFile())).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(work.resolve("tools.log")));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String list(double[] values) {
        return String.join(", ", Arrays.stream(values).mapToObj(v -> String.format("%.1f", v)).toList());
    }
}
