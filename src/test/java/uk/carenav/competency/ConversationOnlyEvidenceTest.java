package uk.carenav.competency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.carenav.call.AttemptSummary;
import uk.carenav.call.InputMode;
import uk.carenav.call.Mode;

/** Only assessed calls taken in the trainee's own words count towards readiness, unless configured otherwise. */
class ConversationOnlyEvidenceTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void assessmentsTakenFromTheListDoNotCountByDefault() {
        List<AttemptSummary> calls = new ArrayList<>(passedAssessments(10, InputMode.GUIDED));
        StatusRules rules = new StatusRules(ReadinessPolicy.defaults(), CLOCK);
        assertThat(rules.assessed(calls)).isEmpty();
        assertThat(rules.readiness(calls, List.of()).ready()).isFalse();

        calls.addAll(passedAssessments(3, InputMode.CONVERSATION));
        assertThat(rules.assessed(calls)).hasSize(3).allMatch(a -> a.inputMode() == InputMode.CONVERSATION);
    }

    @Test
    void theRuleCanLetThemCount() {
        ReadinessPolicy d = ReadinessPolicy.defaults();
        ReadinessPolicy anyInput = new ReadinessPolicy(d.version(), d.minAssessedCalls(), d.windowDays(),
                d.requiredCategories(), d.lastCalls(), d.maxPartialPercent(), d.maxLowPercent(), d.maxNonCompliant(),
                d.noCriticalInLast(), d.minObservedLiveCalls(), d.refresherMonths(), false);
        List<AttemptSummary> calls = passedAssessments(10, InputMode.GUIDED);
        assertThat(new StatusRules(anyInput, CLOCK).assessed(calls)).hasSize(10);
        assertThat(ReadinessSettings.describe(anyInput)).endsWith("assessed calls taken from the list count too");
    }

    private static List<AttemptSummary> passedAssessments(int n, InputMode input) {
        List<AttemptSummary> out = new ArrayList<>();
        List<String> cats = ReadinessPolicy.REQUIRED_CATEGORIES;
        for (int i = 0; i < n; i++) {
            Instant ended = NOW.minus(i + 1, ChronoUnit.DAYS);
            out.add(new AttemptSummary(input + "-" + i, "s" + i, 1, "v", "Call " + i, cats.get(i % cats.size()),
                    Mode.ASSESSMENT, true, ended.minusSeconds(300), ended, 100.0, "HIGH_COMPLIANCE", true, false, input));
        }
        return out;
    }
}
