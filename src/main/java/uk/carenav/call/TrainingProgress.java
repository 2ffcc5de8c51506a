package uk.carenav.call;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A trainee's progress: calls taken, pass rate, recent bands and the categories passed in assessment. */
public record TrainingProgress(int callsTaken, int assessedCalls, int passed, Instant lastActivity,
        List<AttemptSummary> recent, Set<String> categoriesPassedInAssessment) {

    /** Pass rate of finished calls, 0-100, or null when none are finished. */
    public Integer passRate() {
        return callsTaken == 0 ? null : Math.round(passed * 100f / callsTaken);
    }
}
