package uk.carenav.call;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.carenav.scoring.ScoringPolicy;
import uk.carenav.scoring.Verdict;

/**
 * A trainee's calls as they count for readiness, for work that runs without a signed-in user (keeping the
 * status table up to date). It checks no access: the services that show calls to people do that.
 */
@Component
public class CallHistory {

    private static final Logger log = LoggerFactory.getLogger(CallHistory.class);

    private final AttemptStore store;
    private final DebriefBuilder debriefs;
    private final ScoringPolicy policy;
    private final TransactionTemplate tx;

    CallHistory(AttemptStore store, DebriefBuilder debriefs, ScoringPolicy policy, TransactionTemplate tx) {
        this.store = store;
        this.debriefs = debriefs;
        this.policy = policy;
        this.tx = tx;
    }

    /** Every call of a trainee, newest first, as it stands after supervisors' overrides. */
    public List<AttemptSummary> effectiveCallsOf(long traineeId) {
        return store.forTrainee(traineeId).stream().map(this::effective).toList();
    }

    /** The calls answered in a shift, oldest first, as they stand after overrides; no access check (callers do it). */
    public List<ShiftCall> callsOfShift(String shiftId) {
        return store.ofShift(shiftId).stream().map(row -> new ShiftCall(effective(row.summary()),
                row.summary().completed() ? debriefs.scoreCard(row) : null,
                store.shiftLink(row.summary().id()).orElseThrow())).toList();
    }

    /** The attempt as it stands after overrides, by the one rule in {@link Verdict}. */
    AttemptSummary effective(AttemptSummary a) {
        if (!a.completed() || !Boolean.TRUE.equals(a.critical())) {
            return a;
        }
        List<Review> reviews = store.reviews(a.id());
        if (reviews.stream().noneMatch(r -> r instanceof Review.FindingOverride)) {
            return a;
        }
        var card = debriefs.scoreCard(store.find(a.id()).orElseThrow());
        Map<Integer, String> latest = new HashMap<>();
        reviews.stream().filter(r -> r instanceof Review.FindingOverride).map(r -> (Review.FindingOverride) r)
                .forEach(o -> latest.put(o.findingNo(), o.newSeverity()));
        return Verdict.afterOverrides(card, latest, policy).map(v -> new AttemptSummary(a.id(), a.scenarioId(),
                a.scenarioVersion(), a.variantId(), a.title(), a.category(), a.mode(), true, a.startedAt(), a.endedAt(),
                a.percentage(), v.band().name(), v.passed(), v.critical(), a.inputMode())).orElse(a);
    }

    /**
     * Calls finished before schema version 9 kept their route and red-flag screens only inside the score card:
     * copy them to the columns the dashboards count, in batches, once (before the weak-spot roll-ups are worked out).
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void fillRoutesOfOlderCalls() {
        int filled = 0;
        while (true) {
            List<String[]> batch = store.completedWithoutRoute(500);
            if (batch.isEmpty()) {
                break;
            }
            tx.executeWithoutResult(s -> {
                for (String[] row : batch) {
                    var card = debriefs.scoreCard(row[1]);
                    store.setRouteChosen(row[0], card.routeChosen() == null ? "" : card.routeChosen());
                    store.insertScreens(row[0], card);
                }
            });
            filled += batch.size();
        }
        if (filled > 0) {
            log.info("Copied the route and red-flag screens of {} calls finished before this version", filled);
        }
    }
}
