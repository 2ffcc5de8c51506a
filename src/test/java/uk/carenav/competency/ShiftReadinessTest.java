package uk.carenav.competency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.carenav.competency.Readiness.AssessedCall;

/** A passed shift is a condition of readiness only where the installation asks for one (off by default). */
class ShiftReadinessTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    static List<AssessedCall> readyCalls() {
        List<AssessedCall> calls = new ArrayList<>();
        List<String> cats = ReadinessPolicy.REQUIRED_CATEGORIES;
        for (int i = 0; i < 10; i++) {
            calls.add(new AssessedCall(NOW.minus(i + 1, ChronoUnit.DAYS), cats.get(i % cats.size()), "HIGH_COMPLIANCE",
                    true, false));
        }
        return calls;
    }

    static ReadinessPolicy requiringAShift() {
        ReadinessPolicy d = ReadinessPolicy.defaults();
        return new ReadinessPolicy(d.version(), d.minAssessedCalls(), d.windowDays(), d.requiredCategories(), d.lastCalls(),
                d.maxPartialPercent(), d.maxLowPercent(), d.maxNonCompliant(), d.noCriticalInLast(),
                d.minObservedLiveCalls(), d.refresherMonths(), d.conversationOnly(), true);
    }

    @Test
    void byDefaultNoShiftIsNeeded() {
        assertThat(ReadinessPolicy.defaults().passedShiftRequired()).isFalse();
        Readiness.Result r = Readiness.judge(ReadinessPolicy.defaults(), readyCalls(), 2, 0, NOW);
        assertThat(r.ready()).isTrue();
        assertThat(r.conditions()).noneMatch(c -> c.code() == Readiness.Blocker.SHIFT);
        assertThat(ReadinessSettings.describe(ReadinessPolicy.defaults())).doesNotContain("shift");
    }

    @Test
    void whenRequiredAPassedShiftInTheWindowIsAConditionOfReadiness() {
        ReadinessPolicy p = requiringAShift();
        Readiness.Result without = Readiness.judge(p, readyCalls(), 2, 0, NOW);
        assertThat(without.ready()).isFalse();
        assertThat(without.blockers()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo(Readiness.Blocker.SHIFT);
            assertThat(c.evidence()).isEqualTo("0 shifts passed in the last 90 days");
        });
        Readiness.Result with = Readiness.judge(p, readyCalls(), 2, 1, NOW);
        assertThat(with.ready()).isTrue();
        assertThat(ReadinessSettings.describe(p)).endsWith("; a passed shift in 90 days");
    }
}
