package uk.carenav.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queue at any second: hang-ups, ring-backs and the order callers are answered in, from the plan alone. */
class ShiftQueueTest {

    /** Caller 1 waits from 0 for 100 s and never rings back; caller 2 from 10 for 60 s, ringing back 30 s later. */
    static final ShiftPlan PLAN = new ShiftPlan("test", 1, "Test", 10, 300, List.of(
            new ShiftPlan.Caller(1, "Routine", false, "repeat-prescription-request", 1, "routine", "Repeat", null, 0, 100,
                    null, null, null, null),
            new ShiftPlan.Caller(2, "Red flag", true, "stroke-father-fast", 5, "tia-passed", "Stroke", "Book my dad in",
                    10, 60, 30, 180, "tia-then-recurs", "It's come back"),
            new ShiftPlan.Caller(3, "Routine", false, "smear-test-booking", 1, "due", "Smear", null, 200, 500, null, null,
                    null, null)));

    static ShiftQueue.Status status(Map<Integer, Double> answers, double t, int caller) {
        return ShiftQueue.at(PLAN, answers, t).get(caller - 1).status();
    }

    @Test
    void callersHangUpWhenTheirPatienceRunsOutAndSomeRingBack() {
        Map<Integer, Double> none = Map.of();
        assertThat(status(none, 0, 1)).isEqualTo(ShiftQueue.Status.WAITING);
        assertThat(status(none, 9.9, 2)).isEqualTo(ShiftQueue.Status.NOT_YET);
        assertThat(status(none, 10, 2)).isEqualTo(ShiftQueue.Status.WAITING);
        assertThat(status(none, 69.9, 2)).isEqualTo(ShiftQueue.Status.WAITING);
        assertThat(status(none, 70, 2)).isEqualTo(ShiftQueue.Status.HUNG_UP_RINGING_BACK);
        assertThat(status(none, 99.9, 2)).isEqualTo(ShiftQueue.Status.HUNG_UP_RINGING_BACK);
        assertThat(status(none, 100, 2)).isEqualTo(ShiftQueue.Status.WAITING);
        assertThat(status(none, 100, 1)).isEqualTo(ShiftQueue.Status.HUNG_UP);
        // Having rung back, they wait until answered: no second hang-up.
        assertThat(status(none, 599, 2)).isEqualTo(ShiftQueue.Status.WAITING);
        ShiftQueue.Entry back = ShiftQueue.at(PLAN, none, 130).get(1);
        assertThat(back.rangBack()).isTrue();
        assertThat(back.abandoned()).isTrue();
        assertThat(back.since()).isEqualTo(100);
        assertThat(back.waitedAt(130)).isEqualTo(30);
    }

    @Test
    void theLongestInTheQueueIsAnsweredFirst() {
        Map<Integer, Double> none = Map.of();
        assertThat(ShiftQueue.waiting(PLAN, none, 50)).extracting(e -> e.caller().number()).containsExactly(1, 2);
        // Caller 2 rang back at 100, after caller 1 hung up for good: only caller 2 is waiting.
        assertThat(ShiftQueue.waiting(PLAN, none, 150)).extracting(e -> e.caller().number()).containsExactly(2);
        // At 250, caller 2 (back in the queue since 100) is ahead of caller 3 (since 200).
        assertThat(ShiftQueue.next(PLAN, none, 250)).get().extracting(e -> e.caller().number()).isEqualTo(2);
    }

    @Test
    void anAnsweredCallerLeavesTheQueueAndDoesNotHangUp() {
        Map<Integer, Double> answers = new HashMap<>();
        answers.put(1, 20.0);
        assertThat(status(answers, 19, 1)).as("not yet answered at 19").isEqualTo(ShiftQueue.Status.WAITING);
        assertThat(status(answers, 20, 1)).isEqualTo(ShiftQueue.Status.ANSWERED);
        assertThat(status(answers, 500, 1)).isEqualTo(ShiftQueue.Status.ANSWERED);
        assertThat(ShiftQueue.at(PLAN, answers, 500).get(0).abandoned()).isFalse();
        // Answered on ringing back: abandoned once, then answered.
        answers.put(2, 120.0);
        ShiftQueue.Entry two = ShiftQueue.at(PLAN, answers, 130).get(1);
        assertThat(two.status()).isEqualTo(ShiftQueue.Status.ANSWERED);
        assertThat(two.abandoned()).isTrue();
        assertThat(two.rangBack()).isTrue();
    }
}
