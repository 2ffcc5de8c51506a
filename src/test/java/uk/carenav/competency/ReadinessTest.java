package uk.carenav.competency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.carenav.competency.Readiness.AssessedCall;

class ReadinessTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final ReadinessPolicy policy = ReadinessPolicy.defaults();

    /** Ten passed calls in the last ten days covering every required category. */
    private static List<AssessedCall> readyCalls() {
        List<AssessedCall> calls = new ArrayList<>();
        List<String> cats = ReadinessPolicy.REQUIRED_CATEGORIES;
        for (int i = 0; i < 10; i++) {
            calls.add(new AssessedCall(NOW.minus(i + 1, ChronoUnit.DAYS), cats.get(i % cats.size()), "HIGH_COMPLIANCE", true, false));
        }
        return calls;
    }

    private Readiness.Condition condition(Readiness.Result r, int index) {
        return r.conditions().get(index);
    }

    @Test
    void aTraineeMeetingEveryConditionIsReady() {
        Readiness.Result r = Readiness.judge(policy, readyCalls(), 2, NOW);
        assertThat(r.ready()).isTrue();
        assertThat(r.blockers()).isEmpty();
        assertThat(r.policyVersion()).isEqualTo("2026-12 v2");
    }

    @Test
    void nineCallsInTheWindowIsNotEnoughAndCallsOlderThan90DaysDoNotCount() {
        List<AssessedCall> calls = readyCalls();
        calls.set(9, new AssessedCall(NOW.minus(91, ChronoUnit.DAYS), "pharmacy-first", "HIGH_COMPLIANCE", true, false));
        Readiness.Result r = Readiness.judge(policy, calls, 2, NOW);
        assertThat(condition(r, 0).met()).isFalse();
        assertThat(condition(r, 0).evidence()).isEqualTo("9 assessed calls in the last 90 days");
        calls.set(9, new AssessedCall(NOW.minus(90, ChronoUnit.DAYS), "pharmacy-first", "HIGH_COMPLIANCE", true, false));
        assertThat(condition(Readiness.judge(policy, calls, 2, NOW), 0).met()).isTrue();
    }

    @Test
    void aRequiredCategoryNeverPassedBlocksAndIsNamed() {
        List<AssessedCall> calls = readyCalls().stream()
                .map(c -> c.category().equals("mental-health")
                        ? new AssessedCall(c.endedAt(), "mental-health", "LOW", false, false) : c)
                .toList();
        Readiness.Result r = Readiness.judge(policy, calls, 2, NOW);
        assertThat(condition(r, 1).met()).isFalse();
        assertThat(condition(r, 1).evidence()).isEqualTo("not yet passed: mental-health");
    }

    @Test
    void oneLowInTenIsAllowedButTwoAreNotAndAnyNonCompliantBlocks() {
        List<AssessedCall> calls = new ArrayList<>(readyCalls());
        calls.add(0, new AssessedCall(NOW.minus(1, ChronoUnit.HOURS), "hard-calls", "LOW", false, false));
        assertThat(condition(Readiness.judge(policy, calls, 2, NOW), 2).met()).isTrue();
        calls.add(0, new AssessedCall(NOW.minus(30, ChronoUnit.MINUTES), "hard-calls", "LOW", false, false));
        Readiness.Result twoLow = Readiness.judge(policy, calls, 2, NOW);
        assertThat(condition(twoLow, 2).met()).isFalse();
        assertThat(condition(twoLow, 2).evidence()).isEqualTo("of the last 10: 0 Partial, 2 Low, 0 Non-compliant");

        List<AssessedCall> withNc = new ArrayList<>(readyCalls());
        withNc.set(9, new AssessedCall(NOW.minus(10, ChronoUnit.DAYS), "hard-calls", "NON_COMPLIANT", false, true));
        assertThat(condition(Readiness.judge(policy, withNc, 2, NOW), 2).met()).isFalse();
    }

    @Test
    void aCriticalFindingCountsOnlyInTheLastFive() {
        List<AssessedCall> calls = new ArrayList<>(readyCalls());
        // The sixth newest call had a critical finding: outside the last five.
        AssessedCall sixth = calls.get(5);
        calls.set(5, new AssessedCall(sixth.endedAt(), sixth.category(), "HIGH_COMPLIANCE", true, true));
        assertThat(condition(Readiness.judge(policy, calls, 2, NOW), 3).met()).isTrue();
        AssessedCall fifth = calls.get(4);
        calls.set(4, new AssessedCall(fifth.endedAt(), fifth.category(), "HIGH_COMPLIANCE", true, true));
        Readiness.Result r = Readiness.judge(policy, calls, 2, NOW);
        assertThat(condition(r, 3).met()).isFalse();
        assertThat(condition(r, 3).evidence()).isEqualTo("1 of the last 5 had a critical finding");
    }

    @Test
    void twoObservedLiveCallsAreNeeded() {
        assertThat(condition(Readiness.judge(policy, readyCalls(), 1, NOW), 4).met()).isFalse();
        assertThat(condition(Readiness.judge(policy, readyCalls(), 2, NOW), 4).met()).isTrue();
    }

    @Test
    void noCallsAtAllBlocksEverythingButSaysSo() {
        Readiness.Result r = Readiness.judge(policy, List.of(), 0, NOW);
        assertThat(r.ready()).isFalse();
        assertThat(r.blockers()).extracting(Readiness.Condition::code).containsExactly(Readiness.Blocker.RECENT_CALLS,
                Readiness.Blocker.CATEGORIES, Readiness.Blocker.OBSERVED);
        assertThat(r.notYetEvidenced()).extracting(Readiness.Condition::code).containsExactly(Readiness.Blocker.BANDS,
                Readiness.Blocker.CRITICAL);
        assertThat(condition(r, 2).evidence()).isEqualTo("no assessed calls yet");
    }
}
