package uk.carenav.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for where a marked call stands after a supervisor has overridden some of its findings: a
 * call whose critical findings were all lowered is no longer Non-compliant, unless its route was
 * under-triage or ineligible and the route finding itself was not overridden. Everything that shows or
 * counts a call's standing (the trainee's record, readiness, coverage) goes through here.
 */
public final class Verdict {

    /** Where the call stands once the overrides are taken into account. */
    public record Outcome(ComplianceBand band, boolean passed, boolean critical) {
    }

    private Verdict() {
    }

    /**
     * @param card the call's score card as marked
     * @param newSeverities the latest override of each finding, by its number in {@code card.findings()}: the
     *        new severity's name (e.g. "MINOR"), or "CRITICAL"
     * @return the new standing, or empty when the overrides leave the call as marked
     */
    public static Optional<Outcome> afterOverrides(ScoreCard card, Map<Integer, String> newSeverities, ScoringPolicy policy) {
        if (!card.criticalDeviation() || newSeverities.isEmpty()) {
            return Optional.empty();
        }
        List<Finding> findings = card.findings();
        for (int i = 0; i < findings.size(); i++) {
            String severity = newSeverities.containsKey(i) ? newSeverities.get(i)
                    : findings.get(i).severity() == null ? null : findings.get(i).severity().name();
            if ("CRITICAL".equals(severity)) {
                return Optional.empty();
            }
        }
        // An under-triaged or ineligible route fails the call whatever its severity, until a supervisor
        // overrides the route finding itself.
        boolean routeRuleFails = card.failedBecause().stream().anyMatch(r -> !r.startsWith(ScoreCard.CRITICAL_DEVIATION));
        boolean routeOverridden = false;
        for (int i = 0; i < findings.size(); i++) {
            routeOverridden |= findings.get(i).item().equals("Route") && newSeverities.containsKey(i);
        }
        if (routeRuleFails && !routeOverridden) {
            return Optional.empty();
        }
        ComplianceBand band = policy.bandFor(card.percentage());
        return Optional.of(new Outcome(band, band.atLeast(policy.passBand()), false));
    }
}
