package uk.carenav;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A bounded soak of the production jar on loopback: {@code sessions} simulated trainees, each its own browser
 * session in headless Chromium, take calls for {@code minutes} minutes (sign in, start a call, ask questions one
 * at a time at a trainee's pace, give a route, end the call, start again). Every step waits until the server has
 * answered it on the page. Afterwards the server is stopped and the H2 file database is read: every step each
 * session saw answered must be stored. Prints errors, steps, response times and the server's heap, and exits 1 on
 * any error or lost step.
 *
 * <p>Run: {@code mvn -Pproduction package -DskipTests} then
 * {@code mvn -Psoak test-compile exec:exec -Dsessions=100 -Dminutes=10}.
 */
public final class SoakRun {

    private static final int THREADS = 4;

    private final int sessions;
    private final int minutes;
    private final CountDownLatch allSignedIn;
    private volatile long endAt = Long.MAX_VALUE;
    private final String base;
    private final List<Long> responseMillis = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> stepsByAttempt = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();

    private SoakRun(int sessions, int minutes, int port) {
        this.sessions = sessions;
        this.minutes = minutes;
        this.allSignedIn = new CountDownLatch(THREADS);
        this.base = "http://localhost:" + port + "/";
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path jar = Path.of("target/carenav-trainer.jar");
        if (!Files.exists(jar)) {
            System.err.println("Build the production jar first: mvn -Pproduction package -DskipTests");
            System.exit(2);
        }
        Path data = Files.createTempDirectory("carenav-soak");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
                "--carenav.data-dir=" + data, "--carenav.demo-data=true", "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile()).start();
        SoakRun run = new SoakRun(sessions, minutes, port);
        HeapSampler heap = new HeapSampler(server.pid());
        int exit;
        try {
            run.waitForHealth();
            heap.start();
            run.drive();
        } finally {
            heap.stop();
            server.destroy(); // SIGTERM: a graceful stop, so the database file is closed cleanly
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        exit = run.report(data, heap);
        System.exit(exit);
    }

    private void waitForHealth() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until) {
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(base + "actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server did not start in 2 minutes");
    }

    /** Each thread has its own Playwright and Chromium, and steps its share of the sessions in turn. */
    private void drive() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            pool.submit(() -> {
                try (Playwright playwright = Browsers.playwright()) {
                    Browser browser = Browsers.chromium(playwright);
                    List<Session> mine = new ArrayList<>();
                    for (int i = thread; i < sessions; i += THREADS) {
                        mine.add(new Session(i, browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))));
                    }
                    for (Session s : mine) {
                        s.open();
                    }
                    System.out.printf("thread %d: %d sessions signed in%n", thread, mine.size());
                    // The soak's minutes start when every session is signed in and in a call.
                    allSignedIn.countDown();
                    allSignedIn.await();
                    synchronized (this) {
                        if (endAt == Long.MAX_VALUE) {
                            endAt = System.currentTimeMillis() + minutes * 60_000L;
                            System.out.printf("all %d sessions in a call; soaking for %d minutes%n", sessions, minutes);
                        }
                    }
                    while (System.currentTimeMillis() < endAt) {
                        for (Session s : mine) {
                            if (System.currentTimeMillis() >= endAt) {
                                break;
                            }
                            s.step();
                        }
                    }
                    browser.close();
                } catch (RuntimeException | InterruptedException e) {
                    errors.add("thread " + thread + ": " + e);
                    allSignedIn.countDown();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(minutes + 30L, TimeUnit.MINUTES);
    }

    /** One simulated trainee: one browser session, one call at a time on a scenario no other session uses. */
    private final class Session {
        final int n;
        final BrowserContext context;
        Page page;
        String attemptId;
        int asked;

        Session(int n, BrowserContext context) {
            this.n = n;
            this.context = context;
            context.setDefaultTimeout(20_000);
        }

        void open() {
            page = context.newPage();
            page.navigate(base + "login");
            page.getByLabel("Username").fill("trainee" + (n % 6 + 1));
            page.getByLabel("Password").first().fill("carenav-demo");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1).setName("My training")).waitFor();
            startCall();
        }

        /**
         * Session n takes the (n / 6)-th scenario of the library (by title) as trainee n % 6 + 1, so no two sessions
         * share an account and a scenario, and so never an attempt.
         */
        void startCall() {
            page.navigate(base + "training");
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1).setName("My training")).waitFor();
            page.locator("vaadin-details").all().forEach(d -> {
                if (!"true".equals(d.getAttribute("opened"))) {
                    d.locator("vaadin-details-summary").click();
                }
            });
            Locator practise = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                    Pattern.compile("^Practise: ")));
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) practise.evaluateAll(
                    "els => els.map(e => e.getAttribute('aria-label') || e.textContent.trim())");
            List<String> titles = names.stream().distinct().sorted().toList();
            String title = titles.get(n / 6 % titles.size());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(title).setExact(true)).first().click();
            page.waitForURL(Pattern.compile(".*/call/.*"));
            attemptId = page.url().substring(page.url().lastIndexOf('/') + 1);
            stepsByAttempt.computeIfAbsent(attemptId, k -> new AtomicInteger());
            asked = 0;
            calls.incrementAndGet();
        }

        /** One action: ask the next question, or give a route and end the call and start another. */
        void step() {
            try {
                Locator questions = page.locator(".question-button:not(.asked)");
                if (asked < 4 && questions.count() > 0) {
                    Locator log = page.getByRole(AriaRole.LOG).locator("> *");
                    int lines = log.count();
                    long t0 = System.nanoTime();
                    questions.first().click();
                    page.waitForCondition(() -> log.count() > lines);
                    responseMillis.add((System.nanoTime() - t0) / 1_000_000);
                    stepsByAttempt.get(attemptId).incrementAndGet();
                    asked++;
                    return;
                }
                long t0 = System.nanoTime();
                page.locator(".route-picker vaadin-radio-button").first().click();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Give this route")).click();
                page.locator(".route-given").waitFor();
                responseMillis.add((System.nanoTime() - t0) / 1_000_000);
                stepsByAttempt.get(attemptId).incrementAndGet();
                page.locator(".end-call").first().click();
                page.locator("vaadin-confirm-dialog-overlay").getByRole(AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("End call")).click();
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1).setName("Call debrief")).waitFor();
                startCall();
            } catch (RuntimeException e) {
                errors.add("session " + n + " on " + attemptId + ": " + e.getMessage().lines().findFirst().orElse(""));
                try {
                    startCall();
                } catch (RuntimeException again) {
                    errors.add("session " + n + " could not start again: " + again.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
    }

    /** Compares every answered step with the stored events and prints the figures; returns the exit code. */
    private int report(Path data, HeapSampler heap) throws Exception {
        int lost = 0;
        long stored = 0;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("carenav") + ";ACCESS_MODE_DATA=r", "sa", "")) {
            for (var e : stepsByAttempt.entrySet()) {
                try (var ps = c.prepareStatement(
                        "select count(*) from attempt_event where attempt_id = ? and kind in ('ask', 'route')")) {
                    ps.setString(1, e.getKey());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        int n = rs.getInt(1);
                        stored += n;
                        if (n < e.getValue().get()) {
                            lost += e.getValue().get() - n;
                        }
                    }
                }
            }
        }
        List<Long> sorted = new ArrayList<>(responseMillis);
        Collections.sort(sorted);
        System.out.printf("%nSoak: %d sessions for the planned time; %d calls started, %d steps answered, %d stored, %d lost%n",
                sessions, calls.get(), sorted.size(), stored, lost);
        if (!sorted.isEmpty()) {
            System.out.printf("Response per step (click to the answer on the page): median %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1));
        }
        System.out.printf("Server heap (-Xmx512m): %s%n", heap.summary());
        System.out.printf("Errors: %d%n", errors.size());
        errors.stream().limit(20).forEach(e -> System.out.println("  " + e));
        return errors.isEmpty() && lost == 0 && !sorted.isEmpty() ? 0 : 1;
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Reads the server's heap every 15 s with jstat (used = survivors + eden + old). */
    private static final class HeapSampler {
        private final long pid;
        private final AtomicLong maxKb = new AtomicLong();
        private final AtomicLong lastKb = new AtomicLong();
        private final AtomicInteger samples = new AtomicInteger();
        private Thread thread;

        HeapSampler(long pid) {
            this.pid = pid;
        }

        void start() {
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    sample();
                    try {
                        Thread.sleep(15_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            if (thread != null) {
                thread.interrupt();
            }
            sample();
        }

        private void sample() {
            try {
                Process p = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).start();
                List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
                p.waitFor();
                if (lines.size() < 2) {
                    return;
                }
                List<String> names = List.of(lines.get(0).trim().split("\\s+"));
                String[] values = lines.get(1).trim().split("\\s+");
                double used = 0;
                for (String col : List.of("S0U", "S1U", "EU", "OU")) {
                    used += Double.parseDouble(values[names.indexOf(col)]);
                }
                lastKb.set((long) used);
                maxKb.accumulateAndGet((long) used, Math::max);
                samples.incrementAndGet();
            } catch (IOException | InterruptedException | RuntimeException e) {
                // the server has stopped
            }
        }

        String summary() {
            return samples.get() == 0 ? "not sampled (jstat not found)" : String.format(
                    "max %d MB used, %d MB at the end, %d samples", maxKb.get() / 1024, lastKb.get() / 1024, samples.get());
        }
    }
}
