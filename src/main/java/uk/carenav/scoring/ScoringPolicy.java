package uk.carenav.scoring;

import java.util.EnumMap;
import java.util.Map;
import uk.carenav.scenario.Severity;

/**
 * The numbers behind the marking: points per severity, band thresholds (percentages) and the band a
 * call must reach to pass. {@link #defaults()} are the documented defaults.
 *
 * @param weights points an item of each severity is worth
 * @param highCompliance lowest percentage for High Compliance
 * @param compliant lowest percentage for Compliant
 * @param partial lowest percentage for Partial
 * @param low lowest percentage for Low (below it: Non-compliant)
 * @param passBand the lowest band that passes
 * @param conductPoints points for staying within role and asking only what is needed
 * @param underTriageFails when true (the default), no under-triaged call passes, whatever its points
 */
public record ScoringPolicy(Map<Severity, Integer> weights, double highCompliance, double compliant, double partial,
        double low, ComplianceBand passBand, int conductPoints, boolean underTriageFails) {

    public ScoringPolicy {
        weights = Map.copyOf(weights);
        for (Severity s : Severity.values()) {
            if (weights.getOrDefault(s, 0) <= 0) {
                throw new IllegalArgumentException("weight for " + s.code() + " must be positive");
            }
        }
        if (!(highCompliance >= compliant && compliant >= partial && partial >= low && low >= 0 && highCompliance <= 100)) {
            throw new IllegalArgumentException("band thresholds must fall: high >= compliant >= partial >= low >= 0");
        }
        if (passBand == ComplianceBand.NON_COMPLIANT) {
            throw new IllegalArgumentException("the pass band cannot be Non-compliant");
        }
    }

    public static ScoringPolicy defaults() {
        Map<Severity, Integer> w = new EnumMap<>(Severity.class);
        w.put(Severity.CRITICAL, 20);
        w.put(Severity.MAJOR, 10);
        w.put(Severity.MODERATE, 5);
        w.put(Severity.MINOR, 2);
        return new ScoringPolicy(w, 95, 85, 70, 50, ComplianceBand.COMPLIANT, 10, true);
    }

    public int weight(Severity severity) {
        return weights.get(severity);
    }

    /** The band for a percentage, before critical deviations are taken into account. */
    public ComplianceBand bandFor(double percentage) {
        if (percentage >= highCompliance) {
            return ComplianceBand.HIGH_COMPLIANCE;
        }
        if (percentage >= compliant) {
            return ComplianceBand.COMPLIANT;
        }
        if (percentage >= partial) {
            return ComplianceBand.PARTIAL;
        }
        return percentage >= low ? ComplianceBand.LOW : ComplianceBand.NON_COMPLIANT;
    }
}
