package uk.carenav.call;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.base.AuditedAction;
import uk.carenav.base.CurrentUser;
import uk.carenav.base.InvalidInputException;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.organisation.StaffSummary;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;
import uk.carenav.scoring.ScoringPolicy;

/** For supervisors: the calls of the trainees at their own practices, never anyone else's. */
@Service
@PreAuthorize("hasRole('SUPERVISOR')")
@Transactional(readOnly = true)
public class TraineeCalls {

    static final Set<String> SEVERITIES = Set.of("CRITICAL", "MAJOR", "MODERATE", "MINOR", "WAIVED");

    private final AttemptStore store;
    private final StaffDirectory directory;
    private final ScenarioLibrary library;
    private final DebriefBuilder debriefs;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CallHistory history;

    TraineeCalls(AttemptStore store, StaffDirectory directory, ScenarioLibrary library, DebriefBuilder debriefs,
            ScoringPolicy policy, Clock clock, ApplicationEventPublisher events,
            CallHistory history) {
        this.history = history;
        this.store = store;
        this.directory = directory;
        this.library = library;
        this.debriefs = debriefs;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Every call of one of the supervisor's trainees, newest first. Band, pass and critical finding are as
     * they stand after supervisors' overrides; the original result stays in the debrief.
     */
    public List<AttemptSummary> callsOf(long traineeId) {
        mine(traineeId);
        return store.forTrainee(traineeId).stream().map(this::effective).toList();
    }

    /** The debrief of one of the supervisor's trainees' finished calls, with every review. */
    public Debrief debrief(long traineeId, String attemptId) {
        return debriefs.build(attemptOf(traineeId, attemptId));
    }

    /**
     * Changes the severity of a finding (or waives it) with a reason. The score card is not changed; the
     * override is recorded beside it and counts for readiness.
     */
    @Transactional
    public void overrideFinding(long traineeId, String attemptId, int findingNo, String newSeverity, String reason) {
        AttemptStore.AttemptRow row = attemptOf(traineeId, attemptId);
        var findings = debriefs.scoreCard(row).findings();
        if (findingNo < 0 || findingNo >= findings.size() || !findings.get(findingNo).deviation()) {
            throw new InvalidInputException("Finding", "Choose one of the call's deviations.");
        }
        if (newSeverity == null || !SEVERITIES.contains(newSeverity)) {
            throw new InvalidInputException("New severity", "Choose the new severity, or waive it.");
        }
        var f = findings.get(findingNo);
        if (newSeverity.equals(f.severity().name())) {
            throw new InvalidInputException("New severity", "That is the severity it already has.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10 || why.length() > 1000) {
            throw new InvalidInputException("Reason", "Give the reason (10 to 1,000 characters): it is kept with the call.");
        }
        String by = CurrentUser.username();
        store.insertOverride(attemptId, findingNo, f.item(), f.severity().name(), newSeverity, why, by, clock.instant());
        events.publishEvent(new AuditedAction(by, "FINDING_OVERRIDDEN", "call " + attemptId
                + ", finding '" + f.item() + "': " + f.severity().name() + " to " + newSeverity + ". Reason: " + why));
        events.publishEvent(new EvidenceChanged(traineeId));
    }

    /** Adds a supervisor's comment to a call; the trainee sees it in their debrief. */
    @Transactional
    public void comment(long traineeId, String attemptId, String text) {
        attemptOf(traineeId, attemptId);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > 2000) {
            throw new InvalidInputException("Comment", "Write a comment of up to 2,000 characters.");
        }
        String by = CurrentUser.username();
        store.insertComment(attemptId, by, clock.instant(), body);
    }

    /** The name of one of the supervisor's trainees, as call reviews speak of them. */
    public String traineeName(long traineeId) {
        return directory.myTrainee(traineeId).map(StaffSummary::displayName)
                .orElseThrow(() -> new AccessDeniedException("Not one of your trainees"));
    }

    private void mine(long traineeId) {
        if (directory.myTrainee(traineeId).isEmpty()) {
            throw new AccessDeniedException("Not one of your trainees");
        }
    }

    private AttemptStore.AttemptRow attemptOf(long traineeId, String attemptId) {
        mine(traineeId);
        return store.find(attemptId).filter(r -> r.traineeId() == traineeId)
                .orElseThrow(() -> new NoSuchAttemptException(attemptId));
    }

    private AttemptSummary effective(AttemptSummary a) {
        return history.effective(a);
    }

    /** The calls of all the supervisor's trainees, by trainee id. */
    public Map<Long, List<AttemptSummary>> callsOfMyTrainees() {
        List<Long> ids = directory.myTrainees().stream().map(StaffSummary::id).toList();
        Map<String, Long> owner = new HashMap<>();
        List<AttemptSummary> all = store.forTrainees(ids, owner);
        Map<Long, List<AttemptSummary>> out = all.stream().map(this::effective)
                .collect(Collectors.groupingBy(a -> owner.get(a.id())));
        ids.forEach(id -> out.putIfAbsent(id, List.of()));
        return out;
    }

    /** The competencies each scenario evidences, from the current library. */
    public Map<String, List<String>> competenciesByScenario() {
        return library.current().scenarios().stream().collect(Collectors.toMap(Scenario::id, Scenario::competencies));
    }
}
