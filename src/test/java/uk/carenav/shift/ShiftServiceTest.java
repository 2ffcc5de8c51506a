package uk.carenav.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import uk.carenav.HandClock;
import uk.carenav.SignIn;
import uk.carenav.call.CallService;
import uk.carenav.call.CallState;
import uk.carenav.coverage.AreaAnalysis;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.ScenarioLibrary;

/**
 * A whole 8am rush on the real application and H2, with the clock under the test's control: callers hang up when
 * their patience runs out, the hidden stroke caller who waits is answered worse, time away is held off the shift
 * clock, and the report and the weak-spots view follow from what happened.
 */
@SpringBootTest
@Import(ShiftServiceTest.Controlled.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ShiftServiceTest {

    static final long SEED = 20_261_207L;

    @TestConfiguration
    static class Controlled {
        @Bean
        @Primary
        HandClock handClock() {
            return new HandClock();
        }

        @Bean
        @Primary
        ShiftSeeds fixedSeed() {
            return new ShiftSeeds() {
                @Override
                long newSeed() {
                    return SEED;
                }
            };
        }
    }

    @Autowired
    ShiftService shifts;
    @Autowired
    ShiftStore store;
    @Autowired
    CallService calls;
    @Autowired
    ScenarioLibrary library;
    @Autowired
    HandClock clock;
    @Autowired
    UserDetailsService users;
    @Autowired
    AreaAnalysis area;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Moves the clock on in steps, looking at the shift at each (as the page does every few seconds). */
    ShiftNow advance(String id, double seconds) {
        ShiftNow now = shifts.now(id);
        for (double left = seconds; left > 0; left -= 5) {
            clock.add(Math.min(5, left));
            now = shifts.now(id);
        }
        return now;
    }

    @Test
    void anEightAmRushFromStartToReport() {
        SignIn.as(users, "trainee5");
        String id = shifts.start("8am-rush");
        assertThat(shifts.start("8am-rush")).as("an unfinished shift is resumed, not dealt again").isEqualTo(id);
        ShiftPlan plan = ShiftPlan.fromJson(store.find(id).orElseThrow().plan());
        assertThat(plan).as("drawn again from its recorded seed").isEqualTo(ShiftPlan.draw(
                library.current().shift("8am-rush").orElseThrow(), library.current()::scenario, SEED));

        // The lines open: callers ring a few seconds apart, and the phone system shows only numbers and waits.
        assertThat(shifts.now(id).waiting()).extracting(e -> e.caller().number()).containsExactly(1);
        ShiftNow now = advance(id, 20);
        assertThat(now.waiting()).extracting(e -> e.caller().number()).containsExactly(1, 2, 3, 4);
        assertThat(now.waiting().get(0).waitedAt(now.seconds())).isEqualTo(20);

        // Caller 1 hangs up the second their patience runs out.
        ShiftPlan.Caller first = plan.callers().get(0);
        now = advance(id, first.hangsUpAt() - 1 - now.seconds());
        assertThat(now.waiting()).extracting(e -> e.caller().number()).contains(1);
        now = advance(id, 2);
        assertThat(now.waiting()).extracting(e -> e.caller().number()).doesNotContain(1);
        assertThat(now.abandoned()).isGreaterThanOrEqualTo(1);

        // Answer in turn, ending each call at once, until the hidden stroke caller is next having waited 3 minutes.
        ShiftPlan.Caller stroke = plan.callers().stream().filter(c -> c.scenarioId().equals("stroke-father-fast"))
                .findFirst().orElseThrow();
        String strokeCall = null;
        int answered = 0;
        while (strokeCall == null) {
            now = shifts.now(id);
            assertThat(now.timeUp()).as("the stroke caller was reached before the queue closed").isFalse();
            var next = now.waiting().stream().findFirst();
            if (next.isPresent() && next.get().caller().number() == stroke.number()
                    && now.seconds() - stroke.joinsAt() >= 180) {
                strokeCall = shifts.answerNext(id);
            } else if (next.isPresent() && next.get().caller().number() != stroke.number()) {
                String call = shifts.answerNext(id);
                assertThat(shifts.now(id).callInProgress()).isEqualTo(call);
                assertThatCode(() -> calls.say(call, "sorry, could you hold?")).doesNotThrowAnyException();
                calls.end(call);
                answered++;
            } else {
                advance(id, 5);
            }
        }
        answered++;
        CallState state = calls.call(strokeCall);
        assertThat(state.attempt().variantId()).as("worse after waiting").isEqualTo("tia-then-recurs");
        assertThat(state.opening()).contains("while I've been waiting his face has dropped again");
        assertThat(state.shift().queuedSeconds()).isGreaterThanOrEqualTo(180);
        assertThat(state.hintsAllowed()).isFalse();
        assertThat(state.ownWordsOnly()).isTrue();
        String sc = strokeCall;
        assertThatThrownBy(() -> calls.record(sc, new CallAction.Ask("q-fast", null)))
                .as("no list of questions in a shift").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shifts.end(id)).as("not while on a call").isInstanceOf(IllegalStateException.class);
        calls.say(strokeCall, "Has his face dropped, can he lift both arms, and is his speech slurred?");
        clock.add(20);
        calls.record(strokeCall, new CallAction.ChooseRoute("emergency-999", null));
        calls.end(strokeCall);

        // Away for two minutes: the shift clock is held, and the queue carries on as it was left.
        double before = shifts.now(id).seconds();
        clock.add(120);
        ShiftNow back = shifts.now(id);
        assertThat(back.pausedSeconds()).isEqualTo(120.0);
        assertThat(back.seconds()).isCloseTo(before, offset(0.01));
        assertThat(shifts.now(id).pausedSeconds()).as("said once").isZero();

        // A call-back for whoever is next, if anyone is waiting.
        now = advance(id, 30);
        String callBack = null;
        if (!now.waiting().isEmpty() && !now.waiting().get(0).caller().redFlag()) {
            callBack = shifts.answerNext(id);
            calls.offerCallBack(callBack);
            answered++;
        }

        shifts.end(id);
        assertThat(shifts.current()).isEmpty();
        ShiftResult result = shifts.result(id);
        ShiftReport report = result.report();
        assertThat(report.answered()).isEqualTo(answered);
        assertThat(report.calls()).hasSize(answered);
        assertThat(result.pausedSeconds()).isEqualTo(120.0);
        ShiftReport.RedFlagCall hidden = report.redFlagCalls().stream().filter(c -> c.caller() == stroke.number())
                .findFirst().orElseThrow();
        assertThat(hidden.worsened()).isTrue();
        assertThat(hidden.routedAt()).isNotNull();
        assertThat(hidden.secondsFromJoining()).isCloseTo(hidden.answeredAt() + 20 - stroke.joinsAt(), offset(0.2));
        assertThat(hidden.inTime()).isEqualTo(hidden.secondsFromJoining() <= 420);
        if (callBack != null) {
            assertThat(report.callBacks()).hasSize(1);
        }
        // The second hidden red flag was never reached in this run: the shift does not pass.
        assertThat(report.redFlagCalls()).anyMatch(c -> c.caller() != stroke.number() && !c.inTime());
        assertThat(report.passed()).isFalse();
        assertThat(store.find(id).orElseThrow().passed()).isFalse();
        assertThat(shifts.myShifts()).extracting(ShiftSummary::id).containsExactly(id);

        // Another trainee is told there is no such shift; the trainee's supervisor sees it, another does not.
        SignIn.as(users, "trainee3");
        assertThatThrownBy(() -> shifts.result(id)).isInstanceOf(NoSuchShiftException.class);
        SignIn.as(users, "supervisor1");
        assertThatThrownBy(() -> shifts.result(id)).isInstanceOf(NoSuchShiftException.class);
        SignIn.as(users, "supervisor2");
        assertThat(shifts.result(id).own()).isFalse();
        assertThat(shifts.result(id).report()).isEqualTo(report);
        assertThat(shifts.shiftsOf(store.find(id).orElseThrow().traineeId())).hasSize(1);

        // The service lead's weak spots compare the screens of the shift's calls with single calls.
        SignIn.as(users, "lead1");
        List<AreaAnalysis.QueuePressure> pressure = area.queuePressure();
        assertThat(pressure).isNotEmpty().allMatch(q -> q.practice().equals("Orchard Lane Practice"));
        assertThat(pressure).anyMatch(q -> q.inShifts().count() > 0);
        assertThat(pressure).allMatch(q -> q.singleCalls().of() == 0);
    }

    @Test
    void aTraineeCannotSeeOrChangeAnotherTraineesShift() {
        SignIn.as(users, "trainee6");
        String id = shifts.start("opening-minutes");
        SignIn.as(users, "trainee1");
        assertThatThrownBy(() -> shifts.now(id)).isInstanceOf(NoSuchShiftException.class);
        assertThatThrownBy(() -> shifts.answerNext(id)).isInstanceOf(NoSuchShiftException.class);
        assertThatThrownBy(() -> shifts.end(id)).isInstanceOf(NoSuchShiftException.class);
        SignIn.as(users, "trainee6");
        assertThatThrownBy(() -> shifts.result(id)).as("no report before the end").isInstanceOf(IllegalStateException.class);
        // A long gap is time away, not shift time.
        double before = shifts.now(id).seconds();
        clock.add(300);
        ShiftNow back = shifts.now(id);
        assertThat(back.pausedSeconds()).isEqualTo(300.0);
        assertThat(back.seconds()).isCloseTo(before, offset(0.01));
        // The queue closes at the shift's end; with no call in progress, looking at it then ends the shift.
        ShiftNow last = advance(id, Duration.ofMinutes(8).toSeconds() + 5);
        assertThat(last.ended()).isTrue();
        assertThat(shifts.current()).isEmpty();
        ShiftReport report = shifts.result(id).report();
        assertThat(report.answered()).isZero();
        // Nobody answered for 8 minutes, and nobody waits longer than 4 minutes before hanging up the first time.
        assertThat(report.abandoned()).isEqualTo(report.callers());
        assertThat(report.leftWaiting() + report.hungUpForGood()).isLessThanOrEqualTo(report.callers());
        assertThat(report.failedBecause()).anyMatch(f -> f.contains("a red flag"));
    }
}
