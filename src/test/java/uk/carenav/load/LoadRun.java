package uk.carenav.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The protocol-level load test of the production jar on loopback: {@code trainees} simulated trainees
 * ({@link LoadGenerator}, Vaadin's own messages over HTTP, no browser) take practice calls for {@code seconds}
 * seconds after a ramp of sign-ins, a step every 5 to 15 s. The server runs alone on the H2 file database;
 * trainee accounts {@code load0001...} are added between a first start and the measured one. Prints trainees,
 * calls, steps, errors (the generator's and ERROR lines in the server log), lines and routes answered but not
 * stored (read from the database after a clean stop), the server round trip per step (p50/p95/p99/max), the
 * server's CPU over the run, and the heap per active session: heap after a full collection with every trainee
 * signed in and in a call, minus the same before any signed in, divided by the trainees. Exits 1 on any error
 * or lost step. Stops by itself.
 *
 * <p>Run: {@code mvn -Pproduction package -DskipTests} then
 * {@code mvn -Pload test-compile exec:exec -Dtrainees=1000 -Dseconds=180}.
 */
public final class LoadRun {

    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int trainees = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 180;
        String heap = args.length > 2 ? args[2] : "2g";
        Path jar = productionJar();
        Path data = Files.createTempDirectory("carenav-load");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://localhost:" + port + "/";

        // A first start makes the schema and the demo organisation; the accounts go in while the server is stopped.
        Process first = start(jar, data, port, heap, "first.log");
        waitFor(base + "login", first);
        waitForDemoAccounts(base);
        stop(first);
        List<String> usernames;
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + data.resolve("carenav"));
        ds.setUser("sa");
        usernames = LoadAccounts.create(JdbcClient.create(ds), trainees);
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            st.execute("shutdown");
        }

        Process server = start(jar, data, port, heap, "server.log");
        LoadGenerator.Result result;
        String heapLine;
        String cpuLine;
        try {
            waitFor(base + "login", server);
            // Warm up: two trainees take calls for 20 s, so one-off start-up work is not counted per session.
            new LoadGenerator(new LoadGenerator.Settings(base, List.of("trainee1", "trainee2"), LoadAccounts.PASSWORD,
                    20_000, 1_000, 1_000, 2_000, 1)).run();
            long before = heapAfterFullGc(server.pid());
            long ramp = Math.max(10_000, trainees * 100L);
            System.out.printf("Server heap after a full GC with no trainees signed in: %.1f MB%n", before / 1024.0);
            System.out.printf("Running %d trainees: sign-ins spread over %d s, then %d s of calls (a step every 5-15 s)%n",
                    trainees, ramp / 1000, seconds);
            long[] cpu0 = cpuTicks(server.pid());
            long t0 = System.nanoTime();
            result = new LoadGenerator(new LoadGenerator.Settings(base, usernames, LoadAccounts.PASSWORD, seconds * 1000L,
                    ramp, 5_000, 15_000, 20261207)).run();
            long[] cpu1 = cpuTicks(server.pid());
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (cpu1[0] - cpu0[0]) / 100.0;
            cpuLine = String.format("Server CPU over the run: %.0f CPU-seconds in %.0f s, %.0f%% of %d cores", cpuSeconds, wall,
                    100 * cpuSeconds / wall / Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
            // Every trainee's session is still open (sessions last 30 minutes), each with a call in hand.
            long with = heapAfterFullGc(server.pid());
            heapLine = String.format("Server heap after a full GC: %.1f MB with no trainees, %.1f MB with %d signed in and in a"
                    + " call: %.0f KB per active session", before / 1024.0, with / 1024.0, result.signedIn.get(),
                    (with - before) / (double) Math.max(1, result.signedIn.get()));
        } finally {
            stop(server);
        }
        LoadAccounts.Lost lost;
        JdbcDataSource read = new JdbcDataSource();
        read.setURL("jdbc:h2:file:" + data.resolve("carenav") + ";ACCESS_MODE_DATA=r");
        read.setUser("sa");
        lost = LoadAccounts.lost(JdbcClient.create(read), result);
        List<String> serverErrors = Files.readAllLines(data.resolve("server.log")).stream().filter(l -> l.contains(" ERROR ")).toList();

        System.out.println();
        System.out.println(result.summary());
        System.out.println(lost);
        System.out.println(cpuLine);
        System.out.println(heapLine);
        System.out.printf("Errors: %d from the trainees, %d ERROR lines in the server log%n", result.errors.size(), serverErrors.size());
        result.errors.stream().limit(20).forEach(e -> System.out.println("  " + e));
        serverErrors.stream().limit(10).forEach(e -> System.out.println("  server: " + e));
        boolean ok = result.errors.isEmpty() && serverErrors.isEmpty() && lost.lines() == 0 && lost.routes() == 0
                && result.steps.get() > 0;
        System.exit(ok ? 0 : 1);
    }

    private static Process start(Path jar, Path data, int port, String heap, String log) throws IOException {
        return new ProcessBuilder("java", "-Xmx" + heap, "-jar", jar.toString(), "--server.port=" + port,
                "--server.address=127.0.0.1", "--carenav.data-dir=" + data, "--carenav.demo-data=true",
                "--logging.level.root=WARN").redirectErrorStream(true).redirectOutput(data.resolve(log).toFile()).start();
    }

    /** The production jar; when it has not been built, says how and exits with status 2. */
    static Path productionJar() {
        Path jar = Path.of("target/carenav-trainer.jar");
        if (!Files.exists(jar)) {
            System.err.println("Build the production jar first: mvn -Pproduction package -DskipTests");
            System.exit(2);
        }
        return jar;
    }

    /** The demo organisation is made just after a first start answers: waits until trainee1 signs in, up to 3 minutes. */
    static void waitForDemoAccounts(String base) throws Exception {
        long until = System.currentTimeMillis() + 180_000;
        while (!new UidlClient(base).signIn("trainee1", LoadAccounts.PASSWORD)) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("The demo accounts were not made in 3 minutes");
            }
            Thread.sleep(500);
        }
    }

    /** Stops a server gracefully (SIGTERM, so an H2 file is closed cleanly), forcibly after a minute. */
    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    /** Waits until {@code address} answers 200 (a server or load balancer has started), up to 3 minutes. */
    static void waitFor(String address, Process process) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < until && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(address + " did not answer in 3 minutes");
    }

    /** The server's heap in KB after a full collection, from the JDK's jcmd. */
    static long heapAfterFullGc(long pid) throws Exception {
        run("jcmd", Long.toString(pid), "GC.run");
        String info = run("jcmd", Long.toString(pid), "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("jcmd GC.heap_info said: " + info);
        }
        return Long.parseLong(m.group(1));
    }

    /** User plus system CPU time of a process so far, in clock ticks (1/100 s), from /proc. */
    static long[] cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12])};
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
