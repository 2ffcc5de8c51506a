package uk.carenav.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.carenav.scenario.Severity;
import uk.carenav.scoring.ScoreCard.SegmentScore;

/** The standing of a call after a supervisor's overrides: the one rule in {@link Verdict}. */
class VerdictTest {

    private static final ScoringPolicy POLICY = ScoringPolicy.defaults();

    private static final Finding SCREEN = new Finding(Segment.RED_FLAG_SCREENING, "Screen: chest pain", "Asked",
            "Not asked", Severity.CRITICAL, 0, 10, "Ask about chest pain", "NICE CKS");
    private static final Finding ROUTE_RIGHT = new Finding(Segment.ROUTING, "Route", "999", "999", null, 20, 20, "", "");
    private static final Finding ROUTE_UNDER = new Finding(Segment.ROUTING, "Route", "999", "Pharmacy",
            Severity.CRITICAL, 0, 20, "Under-triage", "");

    @Test
    void loweringEveryCriticalFindingLiftsTheCallToItsBandByPercentage() {
        ScoreCard card = card(88.0, List.of(SCREEN, ROUTE_RIGHT), List.of(ScoreCard.CRITICAL_DEVIATION + "Screen: chest pain"));
        assertThat(Verdict.afterOverrides(card, Map.of(0, "MINOR"), POLICY)).hasValueSatisfying(v -> {
            assertThat(v.critical()).isFalse();
            assertThat(v.band()).isEqualTo(POLICY.bandFor(88.0));
            assertThat(v.passed()).isEqualTo(POLICY.bandFor(88.0).atLeast(POLICY.passBand()));
        });
    }

    @Test
    void aCriticalFindingLeftAloneOrRaisedKeepsTheCallAsMarked() {
        ScoreCard card = card(88.0, List.of(SCREEN, ROUTE_RIGHT), List.of(ScoreCard.CRITICAL_DEVIATION + "Screen: chest pain"));
        assertThat(Verdict.afterOverrides(card, Map.of(), POLICY)).isEmpty();
        assertThat(Verdict.afterOverrides(card, Map.of(1, "CRITICAL"), POLICY)).isEmpty();
        assertThat(Verdict.afterOverrides(card, Map.of(0, "CRITICAL"), POLICY)).isEmpty();
    }

    @Test
    void anUnderTriagedRouteStillFailsUntilTheRouteFindingItselfIsOverridden() {
        ScoreCard card = card(70.0, List.of(SCREEN, ROUTE_UNDER),
                List.of(ScoreCard.CRITICAL_DEVIATION + "Screen: chest pain", "Under-triage: the caller needed 999"));
        assertThat(Verdict.afterOverrides(card, Map.of(0, "MINOR", 1, "CRITICAL"), POLICY)).isEmpty();
        Map<Integer, String> both = Map.of(0, "MINOR", 1, "MAJOR");
        assertThat(Verdict.afterOverrides(card, both, POLICY)).hasValueSatisfying(v -> assertThat(v.critical()).isFalse());
    }

    private static ScoreCard card(double percentage, List<Finding> findings, List<String> failedBecause) {
        return new ScoreCard("s", 1, "v", List.of(new SegmentScore(Segment.ROUTING, 0, 30, findings)),
                RoutingGrade.CORRECT, "999", 30.0, 3, null, 0, 30, percentage, ComplianceBand.NON_COMPLIANT, false, true,
                failedBecause);
    }
}
