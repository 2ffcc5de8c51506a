package uk.carenav.scoring;

import java.util.List;

/**
 * The result of marking one call: points per segment with their findings, the routing grade, time
 * to route, percentage, compliance band and pass or fail. {@code failedBecause} lists, in words, each
 * rule that fails the call whatever its points (a critical deviation, under-triage, an ineligible
 * route); it is empty when points alone decide. Cards stored before it existed read it as empty.
 */
public record ScoreCard(String scenarioId, int scenarioVersion, String variantId, List<SegmentScore> segments,
        RoutingGrade routingGrade, String routeChosen, Double secondsToRoute, Integer questionsBeforeRoute,
        Integer confidence, int points, int possible, double percentage, ComplianceBand band, boolean passed,
        boolean criticalDeviation, List<String> failedBecause) {

    /** How {@link #failedBecause()} starts a reason that is a critical finding (the other reasons are the route's). */
    public static final String CRITICAL_DEVIATION = "Critical deviation: ";

    public ScoreCard {
        failedBecause = failedBecause == null ? List.of() : List.copyOf(failedBecause);
    }

    /** Points and findings of one segment. */
    public record SegmentScore(Segment segment, int points, int possible, List<Finding> findings) {
    }

    public List<Finding> findings() {
        return segments.stream().flatMap(s -> s.findings().stream()).toList();
    }

    public List<Finding> deviations() {
        return findings().stream().filter(Finding::deviation).toList();
    }
}
