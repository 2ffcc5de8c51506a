package uk.carenav.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import uk.carenav.Application;
import uk.carenav.SignIn;
import uk.carenav.scenario.CallAction;
import uk.carenav.scoring.Finding;
import uk.carenav.scoring.RoutingGrade;
import uk.carenav.scoring.ScoreCard;
import uk.carenav.scoring.Segment;

/**
 * A call survives the server stopping mid-call: the real application on a real H2 file database is
 * stopped after three steps and started again; the call resumes with every step and can be finished.
 */
class CallSurvivesRestartTest {

    @TempDir
    Path dataDir;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyStepIsKeptAcrossARestart() {
        String attemptId;
        try (ConfigurableApplicationContext first = start()) {
            signIn(first, "trainee2");
            CallService calls = first.getBean(CallService.class);
            attemptId = calls.start("chest-pain-gardening", Mode.ASSESSMENT);
            calls.say(attemptId, "where's the pain?");
            calls.say(attemptId, "Is the pain in the middle of the chest, heavy or crushing, or spreading to the arm, jaw, neck or back?");
            calls.record(attemptId, new CallAction.WriteNote("Central chest pain", null));
        }

        try (ConfigurableApplicationContext second = start()) {
            signIn(second, "trainee2");
            CallService calls = second.getBean(CallService.class);
            CallState resumed = calls.call(attemptId);
            assertThat(resumed.attempt().completed()).isFalse();
            assertThat(resumed.events()).extracting(CallEvent::kind, CallEvent::content, CallEvent::utterance).containsExactly(
                    Tuple.tuple("ask", "q-where", "where's the pain?"),
                    Tuple.tuple("ask", "q-spread", "Is the pain in the middle of the chest, heavy "
                            + "or crushing, or spreading to the arm, jaw, neck or back?"),
                    Tuple.tuple("note", "Central chest pain", null));
            assertThat(resumed.variant().id()).isIn("crushing", "muscular");
            // Starting the same assessment again resumes it rather than dealing a new variant.
            assertThat(calls.start("chest-pain-gardening", Mode.ASSESSMENT)).isEqualTo(attemptId);

            assertThatThrownBy(() -> calls.record(attemptId, new CallAction.Ask("q-breathless", null)))
                    .as("an assessment takes no question from a list").isInstanceOf(IllegalArgumentException.class);
            calls.say(attemptId, "Along with the pain, are you short of breath, sweating, or feeling sick or light-headed?");
            calls.record(attemptId, new CallAction.ChooseRoute("emergency-999", null));
            AttemptSummary ended = calls.end(attemptId);
            assertThat(ended.completed()).isTrue();
            assertThatThrownBy(() -> calls.say(attemptId, "when did it start?"))
                    .isInstanceOf(CallEndedException.class);
            // The score counts the steps taken before the restart: the route is graded for the variant dealt,
            // and the chest-pain screen asked before the restart (with the one after it) leaves no screen missed.
            ScoreCard card = calls.debrief(attemptId).scoreCard();
            assertThat(card.band().name()).isEqualTo(ended.band());
            assertThat(card.routeChosen()).isEqualTo("emergency-999");
            assertThat(card.routingGrade()).isEqualTo(resumed.variant().id().equals("crushing")
                    ? RoutingGrade.CORRECT : RoutingGrade.OVER_TRIAGE);
            assertThat(card.findings()).filteredOn(f -> f.segment() == Segment.RED_FLAG_SCREENING && f.deviation())
                    .extracting(Finding::item).isEmpty();

            // Another trainee cannot open it.
            signIn(second, "trainee3");
            assertThatThrownBy(() -> calls.call(attemptId)).isInstanceOf(NoSuchAttemptException.class);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Application.class).run(List.of(
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("carenav").toAbsolutePath(),
                "--carenav.demo-data=true", "--server.port=0", "--spring.main.banner-mode=off").toArray(String[]::new));
    }

    private static void signIn(ConfigurableApplicationContext ctx, String username) {
        SignIn.as(ctx.getBean(UserDetailsService.class), username);
    }
}
