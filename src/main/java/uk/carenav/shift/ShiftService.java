package uk.carenav.shift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.call.CallHistory;
import uk.carenav.call.CallService;
import uk.carenav.call.EvidenceChanged;
import uk.carenav.call.ShiftCall;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.organisation.StaffProfile;
import uk.carenav.organisation.StaffSummary;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.ScenarioLibrary;
import uk.carenav.scenario.ShiftDefinition;

/**
 * The trainee's shifts: start one (its plan drawn with a recorded seed), look at the queue, answer the next
 * caller, end it and read the report. Every answer, pause and end is appended as it happens, so a shift survives
 * a closed browser and a server restart. The shift clock is held while the trainee is away (no sign of the shift
 * page or a shift call for {@link #PAUSE_AFTER_SECONDS}): on their return the queue carries on as they left it.
 */
@Service
public class ShiftService {

    /** With no look at the shift for this long, the gap is taken as time away and left off the shift clock. */
    public static final int PAUSE_AFTER_SECONDS = 30;

    private final ShiftStore store;
    private final ScenarioLibrary library;
    private final CallService calls;
    private final CallHistory history;
    private final StaffDirectory directory;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final ShiftSeeds seeds;

    ShiftService(ShiftStore store, ScenarioLibrary library, CallService calls, CallHistory history,
            StaffDirectory directory, Clock clock, ApplicationEventPublisher publisher, ShiftSeeds seeds) {
        this.store = store;
        this.library = library;
        this.calls = calls;
        this.history = history;
        this.directory = directory;
        this.clock = clock;
        this.publisher = publisher;
        this.seeds = seeds;
    }

    /** The shifts a trainee can take, from the library. */
    @PreAuthorize("hasRole('TRAINEE')")
    public List<ShiftDefinition> definitions() {
        return library.current().shifts();
    }

    /** The signed-in trainee's unfinished shift, if any. */
    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional(readOnly = true)
    public Optional<String> current() {
        return store.inProgress(directory.currentProfile().id()).map(ShiftStore.ShiftRow::id);
    }

    /**
     * Starts a shift: draws its plan from a new seed and keeps the scenario versions it names. An unfinished
     * shift is resumed instead (one at a time).
     *
     * @return the shift id
     */
    @PreAuthorize("hasRole('TRAINEE')")
    public String start(String definitionId) {
        StaffProfile me = directory.currentProfile();
        Optional<ShiftStore.ShiftRow> unfinished = store.inProgress(me.id());
        if (unfinished.isPresent()) {
            return unfinished.get().id();
        }
        ShiftDefinition d = library.current().shift(definitionId)
                .orElseThrow(() -> new IllegalArgumentException("No shift " + definitionId + " in the library"));
        long seed = seeds.newSeed();
        ShiftPlan plan = ShiftPlan.draw(d, library.current()::scenario, seed);
        Set<String> scenarios = new LinkedHashSet<>();
        plan.callers().forEach(c -> scenarios.add(c.scenarioId()));
        for (String id : scenarios) {
            int kept = calls.keepForShift(id);
            int planned = plan.callers().stream().filter(c -> c.scenarioId().equals(id)).findFirst().orElseThrow()
                    .scenarioVersion();
            if (kept != planned) {
                throw new IllegalStateException("The scenario library changed while the shift was starting; start it again.");
            }
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        store.insert(new ShiftStore.ShiftRow(id, me.id(), d.id(), d.version(), d.title(), seed, plan.json(),
                ShiftStore.IN_PROGRESS, now, now, null, null));
        return id;
    }

    /**
     * The shift as it stands now, for the shift page and the queue beside a shift call. Looking counts as being
     * there: a long gap since the last look is recorded as a pause. Once the queue has closed and no call is in
     * progress, the shift ends.
     */
    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional
    public ShiftNow now(String shiftId) {
        Live live = open(shiftId);
        ShiftNow now = live.now();
        if (!now.ended() && now.timeUp() && now.callInProgress() == null) {
            finish(live, now.closesAt(), "time-up");
            return open(shiftId).now();
        }
        return now;
    }

    /**
     * Answers the caller who has waited longest; while a call is in progress, that call. The caller is answered
     * as the plan dealt them, or as they have worsened while waiting.
     *
     * @return the attempt id of the call
     * @throws IllegalStateException when nobody is waiting, the queue has closed or the shift has ended
     */
    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional
    public String answerNext(String shiftId) {
        Live live = open(shiftId);
        ShiftNow now = live.now();
        if (now.ended()) {
            throw new IllegalStateException("This shift has ended.");
        }
        if (now.callInProgress() != null) {
            return now.callInProgress();
        }
        if (now.timeUp()) {
            throw new IllegalStateException("The queue closed at " + ShiftReport.clock(now.closesAt()) + ".");
        }
        ShiftQueue.Entry next = now.waiting().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Nobody is waiting just now."));
        ShiftPlan.Caller c = next.caller();
        double waited = now.seconds() - c.joinsAt();
        String variant = c.variantAfterWaiting(waited);
        boolean worsened = !variant.equals(c.variantId());
        String attemptId = calls.startInShift(shiftId, c.scenarioId(), c.scenarioVersion(), variant, live.row().seed(),
                waited, c.openingAfterWaiting(waited));
        store.append(shiftId, now.seconds(), "answer", c.number(), attemptId,
                "variant=" + variant + ";worsened=" + worsened, clock.instant());
        return attemptId;
    }

    /**
     * Ends the shift now (before its time, the callers still waiting are left unanswered) and works out its report.
     *
     * @throws IllegalStateException while a call is in progress
     */
    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional
    public void end(String shiftId) {
        Live live = open(shiftId);
        ShiftNow now = live.now();
        if (now.ended()) {
            return;
        }
        if (now.callInProgress() != null) {
            throw new IllegalStateException("Finish the call you are on first.");
        }
        finish(live, Math.min(now.seconds(), now.closesAt()), now.timeUp() ? "time-up" : "ended-early");
    }

    /** The signed-in trainee's shifts, newest first. */
    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional(readOnly = true)
    public List<ShiftSummary> myShifts() {
        return store.forTrainee(directory.currentProfile().id()).stream().map(ShiftService::summary).toList();
    }

    /** The shifts of one of the signed-in supervisor's trainees, newest first. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public List<ShiftSummary> shiftsOf(long traineeId) {
        if (directory.myTrainee(traineeId).isEmpty()) {
            throw new AccessDeniedException("Not one of your trainees");
        }
        return store.forTrainee(traineeId).stream().map(ShiftService::summary).toList();
    }

    /**
     * An ended shift's report, for the trainee whose shift it is or a supervisor of theirs; anyone else is told
     * there is no such shift.
     */
    @PreAuthorize("hasAnyRole('TRAINEE', 'SUPERVISOR')")
    @Transactional(readOnly = true)
    public ShiftResult result(String shiftId) {
        StaffProfile me = directory.currentProfile();
        ShiftStore.ShiftRow row = store.find(shiftId).orElseThrow(() -> new NoSuchShiftException(shiftId));
        boolean own = row.traineeId() == me.id();
        String name;
        if (own) {
            name = me.displayName();
        } else if (me.roles().stream().anyMatch(r -> r.name().equals("SUPERVISOR"))) {
            name = directory.myTrainee(row.traineeId()).map(StaffSummary::displayName)
                    .orElseThrow(() -> new NoSuchShiftException(shiftId));
        } else {
            throw new NoSuchShiftException(shiftId);
        }
        if (!row.ended()) {
            throw new IllegalStateException("This shift has not ended yet.");
        }
        List<ShiftStore.ShiftEvent> events = store.events(shiftId);
        ShiftPlan plan = ShiftPlan.fromJson(row.plan());
        double closedAt = closedAt(plan, events);
        double paused = awaySeconds(events);
        Map<String, ShiftCall> calls = new HashMap<>();
        history.callsOfShift(shiftId).forEach(c -> calls.put(c.attempt().id(), c));
        ShiftReport report = ShiftReport.of(plan, answers(events), calls, closedAt, callBackRoute());
        Map<String, String> routeNames = new HashMap<>();
        library.current().catalogue().routes().values().forEach(x -> routeNames.put(x.id(), x.name()));
        return new ShiftResult(summary(row), name, row.seed(), plan, report, own, paused, Map.copyOf(routeNames));
    }

    /** The route id of a call-back, from the catalogue. */
    private String callBackRoute() {
        return library.current().catalogue().routes().values().stream().filter(Catalogue.Route::queueOnly)
                .map(Catalogue.Route::id).findFirst().orElse("call-back");
    }

    static List<ShiftReport.Answer> answers(List<ShiftStore.ShiftEvent> events) {
        List<ShiftReport.Answer> out = new ArrayList<>();
        for (ShiftStore.ShiftEvent e : events) {
            if (e.kind().equals("answer")) {
                String variant = null;
                boolean worsened = false;
                for (String part : e.content().split(";")) {
                    if (part.startsWith("variant=")) {
                        variant = part.substring("variant=".length());
                    } else if (part.startsWith("worsened=")) {
                        worsened = Boolean.parseBoolean(part.substring("worsened=".length()));
                    }
                }
                out.add(new ShiftReport.Answer(e.callerNo(), e.atSeconds(), e.attemptId(), variant, worsened));
            }
        }
        return out;
    }

    private void finish(Live live, double closedAt, String why) {
        String id = live.row().id();
        Instant now = clock.instant();
        store.append(id, closedAt, "end", null, null, why, now);
        ShiftReport report = ShiftReport.of(live.plan(), answers(live.events()), live.calls(), closedAt, callBackRoute());
        store.end(id, now, report.passed());
        publisher.publishEvent(new EvidenceChanged(live.row().traineeId()));
    }

    /** The signed-in trainee's shift, locked, with the gap since the last look recorded as a pause when long. */
    private Live open(String shiftId) {
        StaffProfile me = directory.currentProfile();
        store.lock(shiftId);
        ShiftStore.ShiftRow row = store.find(shiftId).filter(r -> r.traineeId() == me.id())
                .orElseThrow(() -> new NoSuchShiftException(shiftId));
        List<ShiftStore.ShiftEvent> events = new ArrayList<>(store.events(shiftId));
        Instant now = clock.instant();
        double paused = 0;
        if (!row.ended()) {
            double gap = Duration.between(row.lastSeenAt(), now).toMillis() / 1000.0;
            if (gap > PAUSE_AFTER_SECONDS) {
                double at = shiftSeconds(row, events, row.lastSeenAt());
                events.add(store.append(shiftId, at, "pause", null, null, String.valueOf(Math.round(gap * 10) / 10.0), now));
                paused = gap;
            }
            store.touch(shiftId, now);
        }
        Map<String, ShiftCall> calls = new HashMap<>();
        history.callsOfShift(shiftId).forEach(c -> calls.put(c.attempt().id(), c));
        return new Live(row, ShiftPlan.fromJson(row.plan()), List.copyOf(events), calls, now, paused);
    }

    /** Seconds of shift time at {@code at}: wall time since the start less the time away. */
    static double shiftSeconds(ShiftStore.ShiftRow row, List<ShiftStore.ShiftEvent> events, Instant at) {
        double wall = Duration.between(row.startedAt(), at).toMillis() / 1000.0;
        return Math.max(0, wall - awaySeconds(events));
    }

    /** The time away left off the shift clock: the sum of the pauses recorded. */
    static double awaySeconds(List<ShiftStore.ShiftEvent> events) {
        double away = 0;
        for (ShiftStore.ShiftEvent e : events) {
            if (e.kind().equals("pause")) {
                away += Double.parseDouble(e.content());
            }
        }
        return away;
    }

    /** The shift second the queue closed: at the end event, or at the shift's length before it has one. */
    static double closedAt(ShiftPlan plan, List<ShiftStore.ShiftEvent> events) {
        for (ShiftStore.ShiftEvent e : events) {
            if (e.kind().equals("end")) {
                return e.atSeconds();
            }
        }
        return plan.closesAt();
    }

    private static ShiftSummary summary(ShiftStore.ShiftRow r) {
        return new ShiftSummary(r.id(), r.traineeId(), r.definitionId(), r.definitionVersion(), r.title(), r.startedAt(),
                r.endedAt(), r.passed());
    }

    /** A shift opened for one request: its row, plan, events and calls, at one instant. */
    private record Live(ShiftStore.ShiftRow row, ShiftPlan plan, List<ShiftStore.ShiftEvent> events,
            Map<String, ShiftCall> calls, Instant at, double pausedNow) {

        ShiftNow now() {
            double t = row.ended() ? closedAt(plan, events) : shiftSeconds(row, events, at);
            Map<Integer, Double> answeredAt = new HashMap<>();
            answers(events).forEach(a -> answeredAt.put(a.caller(), a.at()));
            double queueTime = Math.min(t, plan.closesAt());
            List<ShiftQueue.Entry> all = ShiftQueue.at(plan, answeredAt, queueTime);
            String inProgress = calls.values().stream().filter(c -> !c.attempt().completed())
                    .map(c -> c.attempt().id()).findFirst().orElse(null);
            int abandoned = (int) all.stream().filter(ShiftQueue.Entry::abandoned).count();
            int ringing = (int) all.stream().filter(e -> e.status() == ShiftQueue.Status.HUNG_UP_RINGING_BACK).count();
            return new ShiftNow(row.id(), row.title(), t, plan.closesAt(), ShiftQueue.waiting(plan, answeredAt, queueTime),
                    answeredAt.size(), abandoned, ringing, inProgress, row.ended(), pausedNow, awaySeconds(events));
        }
    }
}
