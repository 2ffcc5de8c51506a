package uk.carenav.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import uk.carenav.scenario.LibraryLoader;
import uk.carenav.scenario.Scenario;

/**
 * Simulated trainees taking practice calls through the real server's own protocol ({@link UidlClient}), at a
 * trainee's pace: each signs in, opens My training, starts a practice call on a scenario of their choosing, types
 * three to five lines (the scenario's questions, as written or in one of their phrasings), says a
 * safety-netting line, gives a route, writes a note and ends the call, then starts another; a step every
 * {@code minPace} to {@code maxPace} (random). Starts are spread over the ramp; the run stops by itself after
 * its length (each trainee finishes the step in hand). Records every step's server round trip, the lines and
 * routes each call had answered (to be checked against the database afterwards) and every error.
 */
final class LoadGenerator {

    private static final Pattern ATTEMPT = Pattern.compile("call/([A-Za-z0-9-]{8,40})");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The packaged library's questions by scenario title, as My training lists the scenarios. */
    private static final Map<String, List<Scenario.Question>> QUESTIONS = LibraryLoader.loadPackaged().scenarios().stream()
            .collect(Collectors.toMap(Scenario::title, Scenario::questions, (a, b) -> a));
    private static final List<String> SAFETY_NETS = List.of(
            "If it gets worse before then, or you're worried, call 999.",
            "If anything changes or you feel worse, ring us back straight away.",
            "If you haven't heard from us by this afternoon, call us back.");

    /** What to run: the server's address, the accounts (one a trainee), the length and the pace in milliseconds. */
    record Settings(String base, List<String> usernames, String password, long lengthMillis, long rampMillis,
            int minPaceMillis, int maxPaceMillis, long seed) {
    }

    /** What each call had answered: lines typed and routes given. */
    static final class Answered {
        final AtomicInteger lines = new AtomicInteger();
        final AtomicInteger routes = new AtomicInteger();
    }

    /** The figures of a run. Round trips are in microseconds. */
    static final class Result {
        final int trainees;
        final AtomicInteger signedIn = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger callsEnded = new AtomicInteger();
        final AtomicInteger steps = new AtomicInteger();
        final AtomicLong bytesReceived = new AtomicLong();
        final Histogram stepTrip = new ConcurrentHistogram(60_000_000L, 3);
        /** The same, only for steps after the ramp: every trainee signed in, none signing in (each sign-in's bcrypt check is costly). */
        final Histogram steadyTrip = new ConcurrentHistogram(60_000_000L, 3);
        long rampEndsAt;
        final Histogram pageTrip = new ConcurrentHistogram(60_000_000L, 3);
        final Map<String, Answered> answered = new ConcurrentHashMap<>();
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger maxNodes = new AtomicInteger();
        /** Calls picked up again after their session was lost (the server they were on stopped). */
        final AtomicInteger resumed = new AtomicInteger();
        final AtomicInteger signInsAgain = new AtomicInteger();
        /** Errors by the load balancer's cookie of the session at the time (which instance it was on), if any. */
        final Map<String, AtomicInteger> errorsByInstance = new ConcurrentHashMap<>();
        long startedAt;
        long endedAt;

        Result(int trainees) {
            this.trainees = trainees;
        }

        static String ms(Histogram h, double percentile) {
            return h.getTotalCount() == 0 ? "-" : String.format("%.1f", h.getValueAtPercentile(percentile) / 1000.0);
        }

        String summary() {
            return String.format("""
                    Trainees %d (signed in %d); calls started %d, ended %d; steps %d; errors %d; requests sent again %d
                    Server round trip per call step (typed line, route, note, end): p50 %s ms, p95 %s ms, p99 %s ms, max %s ms
                    The same after the ramp (every trainee signed in, %d steps): p50 %s ms, p95 %s ms, p99 %s ms, max %s ms
                    Page loads (My training, a new call, the debrief): p50 %s ms, p95 %s ms, max %s ms; %.1f MB received""",
                    trainees, signedIn.get(), calls.get(), callsEnded.get(), steps.get(), errors.size(), UidlClient.RETRIED.sum(),
                    ms(stepTrip, 50), ms(stepTrip, 95), ms(stepTrip, 99), ms(stepTrip, 100), steadyTrip.getTotalCount(),
                    ms(steadyTrip, 50), ms(steadyTrip, 95), ms(steadyTrip, 99), ms(steadyTrip, 100),
                    ms(pageTrip, 50), ms(pageTrip, 95), ms(pageTrip, 100), bytesReceived.get() / 1e6);
        }
    }

    private final Settings settings;
    private final Result result;
    private final ScheduledThreadPoolExecutor pool;
    private volatile long stopAt;
    private final List<Trainee> trainees = new CopyOnWriteArrayList<>();

    LoadGenerator(Settings settings) {
        this.settings = settings;
        this.result = new Result(settings.usernames().size());
        this.pool = new ScheduledThreadPoolExecutor(Math.max(8, Math.min(64, settings.usernames().size() / 10)));
    }

    /** Runs the trainees for the settings' length (after the ramp) and returns when every one has stopped. */
    Result run() throws InterruptedException {
        int n = settings.usernames().size();
        result.startedAt = System.currentTimeMillis();
        stopAt = result.startedAt + settings.rampMillis() + settings.lengthMillis();
        result.rampEndsAt = result.startedAt + settings.rampMillis();
        AtomicInteger running = new AtomicInteger(n);
        Object done = new Object();
        for (int i = 0; i < n; i++) {
            Trainee t = new Trainee(i, settings.usernames().get(i), new Random(settings.seed() + i), () -> {
                if (running.decrementAndGet() == 0) {
                    synchronized (done) {
                        done.notifyAll();
                    }
                }
            });
            trainees.add(t);
            pool.schedule(t::begin, n == 1 ? 0 : settings.rampMillis() * i / (n - 1), TimeUnit.MILLISECONDS);
        }
        synchronized (done) {
            long hardStop = stopAt + 120_000;
            while (running.get() > 0 && System.currentTimeMillis() < hardStop) {
                done.wait(1_000);
            }
        }
        if (running.get() > 0) {
            result.errors.add(running.get() + " trainees had not stopped two minutes after the end");
        }
        pool.shutdownNow();
        result.endedAt = System.currentTimeMillis();
        return result;
    }

    /** How many trainees hold each value of a cookie (a load balancer's: which instance their session is on). */
    Map<String, Integer> sessionsByCookie(String name) {
        Map<String, Integer> out = new TreeMap<>();
        for (Trainee t : trainees) {
            String v = t.client.cookie(name);
            if (v != null) {
                out.merge(v, 1, Integer::sum);
            }
        }
        return out;
    }

    /** One trainee: a browser session of their own, one call at a time. */
    private final class Trainee {
        final int n;
        final String username;
        final Random random;
        final Runnable stopped;
        final UidlClient client;
        String attemptId;
        String instance = "null";
        boolean inCall;
        List<String> toSay = List.of();
        int said;
        int stage;

        Trainee(int n, String username, Random random, Runnable stopped) {
            this.n = n;
            this.username = username;
            this.random = random;
            this.stopped = stopped;
            this.client = new UidlClient(settings.base());
        }

        void begin() {
            try {
                if (!client.signIn(username, settings.password())) {
                    throw new IllegalStateException("sign-in refused");
                }
                result.signedIn.incrementAndGet();
                page(client.open("training"));
                startCall();
                next();
            } catch (Exception e) {
                fail("signing in", e);
                stopped.run();
            }
        }

        private void next() {
            if (System.currentTimeMillis() >= stopAt) {
                stopped.run();
                return;
            }
            long pace = settings.minPaceMillis() + random.nextInt(settings.maxPaceMillis() - settings.minPaceMillis() + 1);
            pool.schedule(this::step, pace, TimeUnit.MILLISECONDS);
        }

        private void step() {
            // Errors count against the instance the session was on when the step was sent (a balancer that
            // redispatches the request rewrites its cookie in the failed answer).
            instance = String.valueOf(client.cookie("LB"));
            try {
                stepOnce();
            } catch (Exception e) {
                fail("call " + attemptId + ", stage " + stage, e);
                try {
                    recover();
                } catch (Exception again) {
                    fail("picking up again", again);
                    stopped.run();
                    return;
                }
            }
            next();
        }

        /**
         * After a failed step, as a trainee would: reload the page, signing in again if the session is gone (the
         * server it was on stopped), and carry on with the call in hand from where it was (the server has every
         * step it answered), or start a new one.
         */
        void recover() throws Exception {
            if (inCall) {
                UidlClient.Answer a = openSignedIn("call/" + attemptId, () -> !client.find(x -> "vaadin-text-field".equals(x.tag())
                        && x.hasClass("utterance")).isEmpty());
                if (a != null) {
                    page(a);
                    result.resumed.incrementAndGet();
                    return;
                }
                // The call had ended after all (its end was answered but the answer lost): start another.
                inCall = false;
            }
            page(openSignedIn("training", () -> !client.find(x -> x.attribute("aria-label") != null
                    && x.attribute("aria-label").startsWith("Practise: ")).isEmpty()));
            startCall();
        }

        private UidlClient.Answer openSignedIn(String route, BooleanSupplier shown) throws Exception {
            try {
                UidlClient.Answer a = client.open(route);
                if (shown.getAsBoolean()) {
                    return a;
                }
            } catch (Exception signedOut) {
                // the session is gone: sign in again below
            }
            if (!client.signIn(username, settings.password())) {
                throw new IllegalStateException("sign-in refused");
            }
            result.signInsAgain.incrementAndGet();
            UidlClient.Answer a = client.open(route);
            if (!shown.getAsBoolean()) {
                if (route.startsWith("call/")) {
                    return null;
                }
                throw new IllegalStateException(route + " did not open after signing in again");
            }
            return a;
        }

        /**
         * Opens a category of My training drawn at random (its cards are built when opened, as in a browser) and
         * starts a practice call on a scenario drawn at random from those the page then offers.
         */
        void startCall() throws Exception {
            List<UidlClient.Node> categories = client.find(x -> "vaadin-details".equals(x.tag()) && x.hasClass("category"));
            if (!categories.isEmpty()) {
                page(client.expand(categories.get(random.nextInt(categories.size()))));
            }
            List<UidlClient.Node> practise = client.find(x -> "vaadin-button".equals(x.tag())
                    && x.attribute("aria-label") != null && x.attribute("aria-label").startsWith("Practise: "));
            if (practise.isEmpty()) {
                throw new IllegalStateException("no Practise buttons on My training");
            }
            UidlClient.Node chosen = practise.get(random.nextInt(practise.size()));
            String title = chosen.attribute("aria-label").substring("Practise: ".length());
            UidlClient.Answer a = client.click(chosen);
            page(a);
            Matcher m = ATTEMPT.matcher(a.body());
            if (!m.find()) {
                throw new IllegalStateException("starting a call did not open a call page");
            }
            attemptId = m.group(1);
            inCall = true;
            result.answered.putIfAbsent(attemptId, new Answered());
            result.calls.incrementAndGet();
            // What a trainee would type: the scenario's questions, in their own words (a phrasing) or as written.
            List<String> questions = new ArrayList<>();
            for (Scenario.Question q : QUESTIONS.getOrDefault(title, List.of())) {
                questions.add(q.phrasings().isEmpty() || random.nextBoolean() ? q.text()
                        : q.phrasings().get(random.nextInt(q.phrasings().size())));
            }
            Collections.shuffle(questions, random);
            List<String> lines = new ArrayList<>(questions.subList(0, Math.min(questions.size(), 3 + random.nextInt(3))));
            lines.add(SAFETY_NETS.get(random.nextInt(SAFETY_NETS.size())));
            toSay = lines;
            said = 0;
            stage = 0;
            result.maxNodes.accumulateAndGet(client.nodeCount(), Math::max);
        }

        void stepOnce() throws Exception {
            if (stage == 0 && said < toSay.size()) {
                String line = toSay.get(said);
                UidlClient.Answer a = client.callServer(client.byClass("vaadin-text-field", "utterance"), "say", line);
                String escaped = JSON.writeValueAsString(line);
                if (!a.body().contains(escaped.substring(1, escaped.length() - 1))) {
                    throw new IllegalStateException("the line was not put in the transcript");
                }
                stepDone(a);
                result.answered.get(attemptId).lines.incrementAndGet();
                said++;
                return;
            }
            stage = Math.max(stage, 1);
            switch (stage) {
                case 1 -> {
                    UidlClient.Node group = client.byClass("vaadin-radio-group", "route-picker");
                    List<UidlClient.Node> radios = client.find(x -> "vaadin-radio-button".equals(x.tag()))
                            .stream().filter(r -> r.property("value") != null && isInside(r, group)).toList();
                    client.choose(group, radios.get(random.nextInt(radios.size())));
                    UidlClient.Answer a = client.click(client.byText("vaadin-button", "Give this route"));
                    stepDone(a);
                    result.answered.get(attemptId).routes.incrementAndGet();
                    stage = 2;
                }
                case 2 -> {
                    stepDone(client.type(client.find(x -> "vaadin-text-area".equals(x.tag())).get(0),
                            "Caller " + n + ": " + String.join("; ", toSay).substring(0, Math.min(200,
                                    String.join("; ", toSay).length()))));
                    stage = 3;
                }
                default -> {
                    client.click(client.byClass("vaadin-button", "end-call"));
                    UidlClient.Node dialog = client.findIncludingHidden(x -> "vaadin-confirm-dialog".equals(x.tag())).stream()
                            .max(Comparator.comparingInt(x -> x.id))
                            .orElseThrow(() -> new IllegalStateException("no end-call dialog"));
                    UidlClient.Answer a = client.confirm(dialog);
                    inCall = false;
                    stepDone(a);
                    if (!a.body().contains("Call debrief")) {
                        throw new IllegalStateException("ending the call did not show the debrief");
                    }
                    result.callsEnded.incrementAndGet();
                    page(client.navigate("training"));
                    startCall();
                }
            }
        }

        private boolean isInside(UidlClient.Node child, UidlClient.Node ancestor) {
            return client.descendants(ancestor).contains(child.id);
        }

        private void stepDone(UidlClient.Answer a) {
            result.steps.incrementAndGet();
            result.stepTrip.recordValue(Math.max(1, a.nanos() / 1000));
            if (System.currentTimeMillis() > result.rampEndsAt) {
                result.steadyTrip.recordValue(Math.max(1, a.nanos() / 1000));
            }
            result.bytesReceived.addAndGet(a.body().length());
        }

        private void page(UidlClient.Answer a) {
            result.pageTrip.recordValue(Math.max(1, a.nanos() / 1000));
            result.bytesReceived.addAndGet(a.body().length());
        }

        private void fail(String where, Exception e) {
            result.errorsByInstance.computeIfAbsent(instance, k -> new AtomicInteger())
                    .incrementAndGet();
            result.errors.add(username + " (" + where + "): " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }
}
