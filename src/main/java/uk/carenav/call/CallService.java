package uk.carenav.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.conversation.CallerReplies;
import uk.carenav.conversation.Conversations;
import uk.carenav.conversation.Heard;
import uk.carenav.conversation.ScenarioIndex;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.organisation.StaffProfile;
import uk.carenav.review.ScenarioReviews;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.RequiredCategories;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;
import uk.carenav.scoring.ScoreCard;
import uk.carenav.scoring.ScoreCardText;
import uk.carenav.scoring.ScoringEngine;
import uk.carenav.scoring.ScoringPolicy;
import uk.carenav.scoring.Transcript;

/**
 * The trainee's calls: start, take (every step saved as it happens), end and score, debrief and history.
 * Only the trainee who owns an attempt can see or change it.
 */
@Service
@PreAuthorize("hasRole('TRAINEE')")
public class CallService {

    public static final int MAX_NOTE = 4000;
    /** The longest thing a trainee can say in one go. */
    public static final int MAX_UTTERANCE = 500;

    private final AttemptStore store;
    private final ScenarioLibrary library;
    private final StaffDirectory directory;
    private final VariantPicker picker;
    private final Clock clock;
    private final ScoringEngine engine;
    private final KeptScenarios kept;
    private final DebriefBuilder debriefs;
    private final ApplicationEventPublisher publisher;
    private final Conversations conversations;

    private final RequiredCategories required;
    private final ScenarioReviews reviews;

    CallService(AttemptStore store, ScenarioLibrary library, StaffDirectory directory, VariantPicker picker, Clock clock,
            ScoringPolicy policy, KeptScenarios kept, DebriefBuilder debriefs,
            ApplicationEventPublisher publisher, Conversations conversations,
            RequiredCategories required, ScenarioReviews reviews) {
        this.required = required;
        this.reviews = reviews;
        this.publisher = publisher;
        this.conversations = conversations;
        this.kept = kept;
        this.debriefs = debriefs;
        this.engine = new ScoringEngine(policy);
        this.store = store;
        this.library = library;
        this.directory = directory;
        this.picker = picker;
        this.clock = clock;
    }

    /** The categories sign-off requires, in the order they are recommended. */
    public List<String> requiredCategories() {
        return required.codes();
    }

    /**
     * True when the scenario's current version may be taken as an assessment: clinically approved and not
     * overdue for review, or approval is not required ({@code carenav.scenarios.assessment-requires-approval}).
     */
    public boolean assessable(Scenario s) {
        return !reviews.assessmentRequiresApproval() || reviews.approved(s, library.current().sourceText(s.id()));
    }

    /** The ids of the current scenarios that may be taken as assessments now (see {@link #assessable}). */
    public Set<String> assessableIds() {
        return reviews.assessmentRequiresApproval() ? reviews.approvedInLibrary()
                : scenarios().stream().map(Scenario::id).collect(Collectors.toSet());
    }

    /** The scenarios a trainee can take now. */
    public List<Scenario> scenarios() {
        return library.current().scenarios();
    }

    /**
     * Starts a call on a scenario with a random variant (the seed is recorded). An unfinished call of the
     * same scenario and mode is resumed instead, so an assessment cannot be restarted to get another variant.
     *
     * @return the attempt id
     */
    public String start(String scenarioId, Mode mode) {
        StaffProfile me = directory.currentProfile();
        var unfinished = store.inProgress(me.id(), scenarioId, mode);
        if (unfinished.isPresent()) {
            return unfinished.get().id();
        }
        Scenario s = library.current().scenario(scenarioId)
                .orElseThrow(() -> new IllegalArgumentException("No scenario " + scenarioId + " in the library"));
        if (mode == Mode.ASSESSMENT && !assessable(s)) {
            throw new IllegalStateException("\"" + s.title() + "\" (version " + s.version() + ") is not yet clinically "
                    + "approved, so it can be taken as practice only.");
        }
        long seed = picker.newSeed();
        String variant = s.variants().get(VariantPicker.index(seed, s.variants().size())).id();
        return create(me, s, library.current().sourceText(scenarioId), variant, mode, seed);
    }

    /** Practice only: takes the same call (same version and variant) again, as a new attempt. */
    public String retry(String attemptId) {
        StaffProfile me = directory.currentProfile();
        AttemptStore.AttemptRow row = own(attemptId, me);
        if (row.summary().mode() != Mode.PRACTICE) {
            throw new IllegalStateException("An assessment call cannot be retaken; start a new assessment instead.");
        }
        Scenario s = keptScenario(row.summary().scenarioId(), row.summary().scenarioVersion());
        String text = store.keptScenario(s.id(), s.version()).orElseThrow();
        return create(me, s, text, row.summary().variantId(), Mode.PRACTICE, 0L);
    }

    /** Two single statements, each committed on its own: the kept scenario first, then the attempt that refers to it. */
    private String create(StaffProfile me, Scenario s, String text, String variant, Mode mode, long seed) {
        Instant now = clock.instant();
        store.keepScenario(s.id(), s.version(), text, now);
        String id = UUID.randomUUID().toString();
        // Every call starts as a conversation; a practice call may switch to the guided list.
        store.insertAttempt(id, me.id(), s.id(), s.version(), variant, s.category(), s.title(), mode,
                InputMode.CONVERSATION, seed, now);
        return id;
    }

    /** A call as it stands, for taking or resuming it. */
    @Transactional(readOnly = true)
    public CallState call(String attemptId) {
        StaffProfile me = directory.currentProfile();
        AttemptStore.AttemptRow row = own(attemptId, me);
        Scenario s = keptScenario(row.summary().scenarioId(), row.summary().scenarioVersion());
        long elapsed = Duration.between(row.summary().startedAt(),
                row.summary().completed() ? row.summary().endedAt() : clock.instant()).toSeconds();
        return new CallState(row.summary(), s, library.current().catalogue(), store.events(attemptId), Math.max(0, elapsed),
                me.readAloud(), store.shiftLink(attemptId).orElse(null));
    }

    /**
     * Saves one step of a call at once. Checks it against the scenario the attempt was taken on.
     *
     * @throws CallEndedException when the call has already ended
     * @throws IllegalArgumentException for a step the scenario does not have
     */
    @Transactional
    public CallEvent record(String attemptId, CallAction action) {
        AttemptStore.AttemptRow row = openForStep(attemptId);
        Scenario s = keptScenario(row.summary().scenarioId(), row.summary().scenarioVersion());
        Catalogue catalogue = library.current().catalogue();
        boolean spoken = action instanceof CallAction.Ask || action instanceof CallAction.Say
                || action instanceof CallAction.SafetyNet;
        boolean inShift = store.shiftLink(attemptId).isPresent();
        if (spoken && row.summary().mode() == Mode.ASSESSMENT) {
            throw new IllegalArgumentException("In an assessment, ask and say things in your own words.");
        }
        if (spoken && inShift) {
            throw new IllegalArgumentException("In a shift, ask and say things in your own words.");
        }
        if (spoken && row.summary().inputMode() == InputMode.CONVERSATION) {
            // Choosing from the list turns a practice call into a guided one, for good.
            store.setInputMode(attemptId, InputMode.GUIDED);
        }
        String kind;
        String content;
        if (action instanceof CallAction.Ask a) {
            require(s.question(a.questionId()).isPresent(), "question", a.questionId());
            kind = "ask";
            content = a.questionId();
        } else if (action instanceof CallAction.Say a) {
            require(s.statement(a.statementId()).isPresent(), "statement", a.statementId());
            kind = "say";
            content = a.statementId();
        } else if (action instanceof CallAction.ChooseRoute a) {
            require(catalogue.routes().containsKey(a.routeId()), "route", a.routeId());
            if (catalogue.routes().get(a.routeId()).queueOnly() && !inShift) {
                throw new IllegalArgumentException("A call-back is offered only in a shift, with callers queueing.");
            }
            kind = "route";
            content = a.routeId();
        } else if (action instanceof CallAction.SafetyNet a) {
            require(catalogue.safetyNetting().containsKey(a.stepId()), "safety-netting step", a.stepId());
            kind = "safety_net";
            content = a.stepId();
        } else if (action instanceof CallAction.WriteNote a) {
            String text = a.text() == null ? "" : a.text();
            if (text.length() > MAX_NOTE) {
                throw new IllegalArgumentException("The note is " + text.length() + " characters; keep it under " + MAX_NOTE + ".");
            }
            kind = "note";
            content = text;
        } else if (action instanceof CallAction.RateConfidence a) {
            if (a.value() < 1 || a.value() > 5) {
                throw new IllegalArgumentException("Confidence is rated from 1 to 5.");
            }
            kind = "confidence";
            content = Integer.toString(a.value());
        } else {
            throw new IllegalArgumentException("Unknown step " + action);
        }
        Instant now = clock.instant();
        double at = Duration.between(row.summary().startedAt(), now).toMillis() / 1000.0;
        return store.append(attemptId, Math.round(at * 10) / 10.0, kind, content, now);
    }

    /**
     * Practice only: the trainee chose to take this call from the list of questions. The call is marked
     * guided for good, so it never counts as a call taken in their own words.
     */
    @Transactional
    public void useGuided(String attemptId) {
        StaffProfile me = directory.currentProfile();
        store.lock(attemptId);
        AttemptStore.AttemptRow row = own(attemptId, me);
        if (row.summary().mode() != Mode.PRACTICE) {
            throw new IllegalArgumentException("In an assessment, ask and say things in your own words.");
        }
        if (store.shiftLink(attemptId).isPresent()) {
            throw new IllegalArgumentException("In a shift, ask and say things in your own words.");
        }
        if (!row.summary().completed()) {
            store.setInputMode(attemptId, InputMode.GUIDED);
        }
    }

    /** What the caller heard and answered, and the step it was saved as. */
    public record Said(CallEvent event, Heard heard, String reply) {
    }

    /**
     * Saves one thing the trainee said, in their own words: matched to the scenario's questions, statements,
     * the distractor bank and the safety-netting steps, and kept with how it was heard, even when it was heard
     * as nothing. The caller's reply is in character.
     *
     * @throws CallEndedException when the call has already ended
     * @throws IllegalArgumentException for an empty or over-long utterance
     */
    @Transactional
    public Said say(String attemptId, String utterance) {
        String text = utterance == null ? "" : utterance.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Type what you would say to the caller, then press Enter.");
        }
        if (text.length() > MAX_UTTERANCE) {
            throw new IllegalArgumentException("That is " + text.length() + " characters; say it in under "
                    + MAX_UTTERANCE + ", one question or piece of advice at a time.");
        }
        AttemptStore.AttemptRow row = openForStep(attemptId);
        Scenario s = keptScenario(row.summary().scenarioId(), row.summary().scenarioVersion());
        Catalogue catalogue = library.current().catalogue();
        Heard heard = conversations.index(s).hear(text);
        String kind;
        String content;
        switch (heard.kind()) {
            case QUESTION -> {
                kind = "ask";
                content = heard.itemId();
            }
            case DISTRACTOR -> {
                boolean listed = s.question(heard.itemId()).isPresent();
                kind = listed ? "ask" : CallEvent.UTTERANCE;
                content = listed ? heard.itemId() : "distractor:" + heard.itemId();
            }
            case STATEMENT -> {
                kind = "say";
                content = heard.itemId();
            }
            case SAFETY_NET -> {
                kind = "safety_net";
                content = heard.itemId();
            }
            default -> {
                kind = CallEvent.UTTERANCE;
                content = heard.isSmallTalk() ? ScenarioIndex.SMALL_TALK : heard.isUnclear() ? "unclear:"
                        + heard.unclear().get(0).itemId() + "," + heard.unclear().get(1).itemId() : null;
            }
        }
        Instant now = clock.instant();
        double at = Duration.between(row.summary().startedAt(), now).toMillis() / 1000.0;
        CallEvent event = store.append(attemptId, Math.round(at * 10) / 10.0, kind, content, text, now);
        return new Said(event, heard, CallerReplies.reply(s, catalogue, row.summary().variantId(), heard));
    }

    /**
     * Keeps the current version of a scenario, as a shift does for every scenario of its plan when it starts, so its
     * callers are answered on the versions the shift was drawn from. Runs outside a transaction.
     *
     * @return the version kept
     */
    public int keepForShift(String scenarioId) {
        Scenario s = library.current().scenario(scenarioId)
                .orElseThrow(() -> new IllegalArgumentException("No scenario " + scenarioId + " in the library"));
        store.keepScenario(s.id(), s.version(), library.current().sourceText(scenarioId), clock.instant());
        return s.version();
    }

    /**
     * Answers a caller in a shift: a new practice call in the trainee's own words on the kept scenario version the
     * shift's plan names (see {@link #keepForShift}). The shift module calls this for the signed-in trainee's own shift.
     *
     * @return the attempt id
     */
    public String startInShift(String shiftId, String scenarioId, int version, String variantId, long seed,
            double queuedSeconds, String opening) {
        StaffProfile me = directory.currentProfile();
        Scenario s = keptScenario(scenarioId, version);
        if (s.variant(variantId).isEmpty()) {
            throw new IllegalArgumentException("Scenario " + s.reference() + " has no variant " + variantId);
        }
        String id = UUID.randomUUID().toString();
        store.insertShiftAttempt(id, me.id(), s.id(), s.version(), variantId, s.category(), s.title(), seed,
                clock.instant(), shiftId, queuedSeconds, opening);
        return id;
    }

    /**
     * In a shift: offers the caller a call-back from reception later and ends the call, so it is scored with the
     * call-back as its route (safe for a routine need, under-triage for anything that cannot wait).
     */
    @Transactional
    public AttemptSummary offerCallBack(String attemptId) {
        Catalogue.Route callBack = library.current().catalogue().routes().values().stream()
                .filter(Catalogue.Route::queueOnly).findFirst()
                .orElseThrow(() -> new IllegalStateException("The route catalogue has no call-back route"));
        record(attemptId, new CallAction.ChooseRoute(callBack.id(), null));
        return end(attemptId);
    }

    /** Ends the call and scores it; the result is final. */
    @Transactional
    public AttemptSummary end(String attemptId) {
        StaffProfile me = directory.currentProfile();
        store.lock(attemptId);
        AttemptStore.AttemptRow row = own(attemptId, me);
        if (row.summary().completed()) {
            return row.summary();
        }
        Scenario s = keptScenario(row.summary().scenarioId(), row.summary().scenarioVersion());
        List<CallEvent> events = store.events(attemptId);
        ScoreCard card = engine.score(s, library.current().catalogue(), transcript(row.summary(), events));
        Instant now = clock.instant();
        store.append(attemptId, Duration.between(row.summary().startedAt(), now).toMillis() / 1000.0, "end", null, now);
        store.complete(attemptId, now, card, ScoreCardText.json(card));
        publisher.publishEvent(new EvidenceChanged(me.id()));
        return store.find(attemptId).orElseThrow().summary();
    }

    /** The debrief of a finished call. */
    @Transactional(readOnly = true)
    public Debrief debrief(String attemptId) {
        StaffProfile me = directory.currentProfile();
        return debriefs.build(own(attemptId, me));
    }

    /** The signed-in trainee's attempts, newest first. */
    @Transactional(readOnly = true)
    public List<AttemptSummary> myAttempts() {
        return store.forTrainee(directory.currentProfile().id());
    }

    static final List<String> DIFFICULTY = List.of("foundation", "intermediate", "advanced");

    /**
     * What to do next: for each category required for sign-off that the trainee has not yet passed in
     * assessment, in the recommended order, one scenario (untried first, then the easiest); at most {@code max}.
     */
    @Transactional(readOnly = true)
    public List<Scenario> recommended(int max) {
        Set<String> passed = progress().categoriesPassedInAssessment();
        Set<String> tried = new HashSet<>();
        myAttempts().forEach(a -> tried.add(a.scenarioId()));
        List<Scenario> out = new ArrayList<>();
        for (String category : required.codes()) {
            if (out.size() >= max || passed.contains(category)) {
                continue;
            }
            scenarios().stream().filter(s -> s.category().equals(category))
                    .min(Comparator.comparing((Scenario s) -> tried.contains(s.id()))
                            .thenComparing(s -> DIFFICULTY.indexOf(s.difficulty())).thenComparing(Scenario::title))
                    .ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** Progress over all the trainee's finished calls. */
    @Transactional(readOnly = true)
    public TrainingProgress progress() {
        List<AttemptSummary> all = myAttempts();
        List<AttemptSummary> done = all.stream().filter(AttemptSummary::completed).toList();
        int passed = (int) done.stream().filter(a -> Boolean.TRUE.equals(a.passed())).count();
        int assessed = (int) done.stream().filter(a -> a.mode() == Mode.ASSESSMENT).count();
        Instant last = all.stream().map(a -> a.endedAt() != null ? a.endedAt() : a.startedAt()).max(Instant::compareTo)
                .orElse(null);
        Set<String> categories = new HashSet<>();
        done.stream().filter(a -> a.mode() == Mode.ASSESSMENT && Boolean.TRUE.equals(a.passed()))
                .forEach(a -> categories.add(a.category()));
        return new TrainingProgress(done.size(), assessed, passed, last, done.stream().limit(10).toList(), Set.copyOf(categories));
    }

    static Transcript transcript(AttemptSummary a, List<CallEvent> events) {
        List<CallAction> actions = new ArrayList<>();
        events.stream().map(CallEvent::toAction).filter(Objects::nonNull).forEach(actions::add);
        return new Transcript(a.scenarioId(), a.scenarioVersion(), a.variantId(), actions);
    }

    /**
     * The signed-in trainee's call, locked for one step and still in progress. One step at a time per call,
     * even from two tabs: the row lock orders the steps and the end.
     */
    private AttemptStore.AttemptRow openForStep(String attemptId) {
        StaffProfile me = directory.currentProfile();
        store.lock(attemptId);
        AttemptStore.AttemptRow row = own(attemptId, me);
        if (row.summary().completed()) {
            throw new CallEndedException();
        }
        return row;
    }

    private AttemptStore.AttemptRow own(String attemptId, StaffProfile me) {
        return store.find(attemptId).filter(r -> r.traineeId() == me.id())
                .orElseThrow(() -> new NoSuchAttemptException(attemptId));
    }

    private Scenario keptScenario(String id, int version) {
        return kept.get(id, version);
    }

    private static void require(boolean ok, String what, String id) {
        if (!ok) {
            throw new IllegalArgumentException("This call has no " + what + " '" + id + "'.");
        }
    }
}
