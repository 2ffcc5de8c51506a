package uk.carenav.call;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.base.AuditedAction;
import uk.carenav.base.CurrentUser;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;
import uk.carenav.scoring.InvalidTranscriptException;
import uk.carenav.scoring.ScoreCard;
import uk.carenav.scoring.ScoreCardText;
import uk.carenav.scoring.ScoringEngine;
import uk.carenav.scoring.ScoringPolicy;
import uk.carenav.scoring.Transcript;

/**
 * When a scenario's marking changes (a new version with different severities, or new scoring
 * settings), administrators re-score the calls already taken on it. Each new result is recorded beside
 * the original, which stays as it was for the audit trail.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class RescoreService {

    /** What a re-scoring did. */
    public record Outcome(int rescored, int bandChanged, List<String> skipped) {
    }

    private final AttemptStore store;
    private final ScenarioLibrary library;
    private final Clock clock;
    private final ScoringPolicy policy;

    private final ApplicationEventPublisher events;

    RescoreService(AttemptStore store, ScenarioLibrary library, Clock clock, ScoringPolicy policy,
            ApplicationEventPublisher events) {
        this.events = events;
        this.policy = policy;
        this.store = store;
        this.library = library;
        this.clock = clock;
    }

    /** Re-scores with the configured scoring settings. */
    @Transactional
    public Outcome rescore(String scenarioId, String reason) {
        return rescore(scenarioId, policy, reason);
    }

    /**
     * Re-scores every finished call on {@code scenarioId} against the scenario's current version and
     * {@code policy}. A call whose steps no longer fit the current version (a question removed, say) is
     * skipped and named in the outcome.
     */
    @Transactional
    public Outcome rescore(String scenarioId, ScoringPolicy policy, String reason) {
        if (reason == null || reason.strip().length() < 10) {
            throw new IllegalArgumentException("Give the reason for re-scoring (at least 10 characters): it is kept with every result.");
        }
        Scenario current = library.current().scenario(scenarioId)
                .orElseThrow(() -> new IllegalArgumentException("No scenario " + scenarioId + " in the library."));
        ScoringEngine engine = new ScoringEngine(policy);
        String by = CurrentUser.username();
        Instant now = clock.instant();
        int rescored = 0;
        int changed = 0;
        List<String> skipped = new ArrayList<>();
        for (AttemptStore.AttemptRow row : store.completedOf(scenarioId)) {
            AttemptSummary a = row.summary();
            Transcript old = CallService.transcript(a, store.events(a.id()));
            Transcript onCurrent = new Transcript(current.id(), current.version(), a.variantId(), old.actions());
            if (current.variant(a.variantId()).isEmpty()) {
                skipped.add(a.id() + ": variant " + a.variantId() + " is not in version " + current.version());
                continue;
            }
            try {
                ScoreCard card = engine.score(current, library.current().catalogue(), onCurrent);
                store.insertRescore(a.id(), now, by, reason.strip(), current.version(), card.percentage(), card.band().name(),
                        card.passed(), card.criticalDeviation(), card.routingGrade().name(), ScoreCardText.json(card));
                rescored++;
                if (!card.band().name().equals(a.band())) {
                    changed++;
                }
            } catch (InvalidTranscriptException e) {
                skipped.add(a.id() + ": " + e.getMessage());
            }
        }
        events.publishEvent(new AuditedAction(by, "CALLS_RESCORED", current.reference() + ": " + rescored + " re-scored, "
                + changed + " changed band, " + skipped.size() + " skipped. Reason: " + reason.strip()));
        return new Outcome(rescored, changed, List.copyOf(skipped));
    }

    /** The re-scorings of one attempt, newest first. */
    @Transactional(readOnly = true)
    public List<Rescore> rescoresOf(String attemptId) {
        return store.rescores(attemptId);
    }
}
