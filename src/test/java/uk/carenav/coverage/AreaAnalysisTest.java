package uk.carenav.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import uk.carenav.SignIn;
import uk.carenav.base.InvalidInputException;
import uk.carenav.call.CallService;
import uk.carenav.call.FixedVariant;
import uk.carenav.call.Mode;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;

/**
 * Weak spots, item analysis and the xAPI export from real calls. Two strong trainees (trainee1, trainee2 at
 * Riverside Surgery) take the chest pain call three times each by the model answer; two weak ones (trainee3 at
 * Quayside, trainee4 at Hillcrest) three times each without the breathlessness screen (a critical miss).
 */
@SpringBootTest
@Import(FixedVariant.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AreaAnalysisTest {

    private static final String SCREEN = "Chest pain with breathlessness, sweating or feeling sick";

    @Autowired
    CallService calls;
    @Autowired
    ScenarioLibrary library;
    @Autowired
    UserDetailsService users;
    @Autowired
    AreaAnalysis analysis;
    @Autowired
    XapiExport xapi;

    private static boolean taken;

    @BeforeEach
    void takeCalls() {
        if (taken) {
            return;
        }
        Scenario chest = library.current().scenario("chest-pain-gardening").orElseThrow();
        List<CallAction> model = chest.expected().get(chest.variants().get(0).id()).modelAnswer();
        for (String trainee : List.of("trainee1", "trainee2", "trainee3", "trainee4")) {
            boolean weak = trainee.equals("trainee3") || trainee.equals("trainee4");
            SignIn.as(users, trainee);
            for (int i = 0; i < 3; i++) {
                String id = calls.start(chest.id(), Mode.PRACTICE);
                for (CallAction a : model) {
                    if (!(weak && a instanceof CallAction.Ask ask && ask.questionId().equals("q-breathless"))) {
                        calls.record(id, a);
                    }
                }
                assertThat(calls.end(id).passed()).isEqualTo(!weak);
            }
        }
        taken = true;
        SignIn.as(users, "lead1");
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theMissedScreenShowsForTheWeakPracticesOnly() {
        SignIn.as(users, "lead1");
        var flags = analysis.missedRedFlags(8);
        assertThat(flags.columns()).containsExactly(SCREEN);
        assertThat(flags.cell("Quayside Medical Centre", SCREEN).percent()).isEqualTo(100);
        assertThat(flags.cell("Hillcrest Health Centre", SCREEN).percent()).isEqualTo(100);
        assertThat(flags.cell("Riverside Surgery", SCREEN)).isEqualTo(new AreaAnalysis.Rate(6, 0));
        assertThat(flags.cell("Orchard Lane Practice", SCREEN).percent()).isNull();

        var competencies = analysis.competencies();
        String risk = library.current().scenario("chest-pain-gardening").orElseThrow().competencies().get(0);
        assertThat(competencies.cell("Riverside Surgery", risk).percent()).isEqualTo(100);
        assertThat(competencies.cell("Quayside Medical Centre", risk).percent()).isZero();
    }

    @Test
    void itemAnalysisGivesPassRateDiscriminationAndTheWrongRoute() {
        SignIn.as(users, "lead1");
        var item = analysis.items().stream().filter(i -> i.scenarioId().equals("chest-pain-gardening")).findFirst().orElseThrow();
        assertThat(item.calls()).isEqualTo(12);
        assertThat(item.passPercent()).isEqualTo(50);
        // Strongest quarter (a model-answer trainee) passed 3 of 3, weakest quarter 0 of 3: 100 points.
        assertThat(item.discrimination()).isEqualTo(100);
        // Every call chose the right route: no wrong route to report.
        assertThat(item.commonWrongRoute()).isEmpty();
    }

    @Test
    void xapiStatementsCarryTheResultAndEveryStep() throws Exception {
        SignIn.as(users, "lead1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = xapi.write(LocalDate.now().minusDays(1), LocalDate.now(), out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(n).isEqualTo(12);
        assertThat(lines).hasSize(12);
        ObjectMapper json = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        int passed = 0;
        for (String line : lines) {
            JsonNode s = json.readTree(line);
            ids.add(s.path("id").asText());
            assertThat(s.path("actor").path("account").path("name").asText()).matches("trainee[1-4]");
            assertThat(s.path("object").path("id").asText()).endsWith("/scenarios/chest-pain-gardening");
            boolean success = s.path("result").path("success").asBoolean();
            passed += success ? 1 : 0;
            assertThat(s.path("verb").path("id").asText()).endsWith(success ? "/passed" : "/failed");
            assertThat(s.path("result").path("duration").asText()).startsWith("PT");
            assertThat(s.path("result").path("response").asText()).isEqualTo("emergency-999");
            JsonNode steps = s.path("result").path("extensions").path("http://localhost:8080" + XapiExport.STEPS);
            assertThat(steps.size()).isGreaterThan(3);
            assertThat(steps.get(0).path("kind").asText()).isEqualTo("ask");
        }
        assertThat(passed).isEqualTo(6);
        assertThat(ids).doesNotHaveDuplicates();

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        xapi.write(LocalDate.now().minusDays(1), LocalDate.now(), again);
        assertThat(again.toString(StandardCharsets.UTF_8)).isEqualTo(out.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream none = new ByteArrayOutputStream();
        assertThat(xapi.write(LocalDate.now().minusDays(30), LocalDate.now().minusDays(2), none)).isZero();
        assertThatThrownBy(() -> xapi.write(LocalDate.now(), LocalDate.now().minusDays(1), none))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("To"));
        assertThatThrownBy(() -> xapi.write(LocalDate.now().minusYears(2), LocalDate.now(), none))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("366 days"));
    }
}
