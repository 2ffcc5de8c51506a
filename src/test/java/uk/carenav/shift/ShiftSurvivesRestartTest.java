package uk.carenav.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import uk.carenav.Application;
import uk.carenav.SignIn;
import uk.carenav.call.CallEvent;
import uk.carenav.call.CallService;
import uk.carenav.scenario.CallAction;

/**
 * A shift survives the server stopping mid-call: the real application on a real H2 file database is stopped while
 * a caller is on the line and started again; the shift resumes with the same call, the same answers, and a queue
 * clock that did not run on while the server was down for longer than a short gap.
 */
class ShiftSurvivesRestartTest {

    @TempDir
    Path dataDir;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aShiftResumesAfterARestartWithItsCallAndItsQueue() {
        String shiftId;
        String callId;
        ShiftNow before;
        long stoppedAt;
        try (ConfigurableApplicationContext first = start()) {
            SignIn.as(first.getBean(UserDetailsService.class), "trainee4");
            ShiftService shifts = first.getBean(ShiftService.class);
            CallService calls = first.getBean(CallService.class);
            shiftId = shifts.start("opening-minutes");
            callId = shifts.answerNext(shiftId);
            calls.say(callId, "Hello, you're through to the surgery, how can I help?");
            before = shifts.now(shiftId);
            stoppedAt = System.nanoTime();
        }

        try (ConfigurableApplicationContext second = start()) {
            SignIn.as(second.getBean(UserDetailsService.class), "trainee4");
            ShiftService shifts = second.getBean(ShiftService.class);
            CallService calls = second.getBean(CallService.class);
            assertThat(shifts.current()).contains(shiftId);
            ShiftNow after = shifts.now(shiftId);
            double down = (System.nanoTime() - stoppedAt) / 1e9;
            assertThat(after.callInProgress()).isEqualTo(callId);
            assertThat(after.answered()).isEqualTo(1);
            assertThat(shifts.answerNext(shiftId)).as("the call on the line, not a new caller").isEqualTo(callId);
            // Down for longer than the gap the shift forgives: held off the clock. Shorter: the clock ran on.
            if (down > ShiftService.PAUSE_AFTER_SECONDS + 1) {
                assertThat(after.pausedSeconds()).isPositive();
                assertThat(after.seconds() - before.seconds()).isLessThan(2);
            } else {
                assertThat(after.seconds() - before.seconds()).isLessThanOrEqualTo(down + 1);
            }
            assertThat(calls.call(callId).events()).extracting(CallEvent::utterance)
                    .containsExactly("Hello, you're through to the surgery, how can I help?");
            calls.record(callId, new CallAction.ChooseRoute("admin-team", null));
            calls.end(callId);
            shifts.end(shiftId);
            assertThat(shifts.result(shiftId).report().answered()).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Application.class).run(List.of(
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("carenav").toAbsolutePath(),
                "--carenav.demo-data=true", "--server.port=0", "--spring.main.banner-mode=off").toArray(String[]::new));
    }
}
