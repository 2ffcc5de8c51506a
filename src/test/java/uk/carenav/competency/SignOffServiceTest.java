package uk.carenav.competency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import uk.carenav.SignIn;
import uk.carenav.base.InvalidInputException;
import uk.carenav.call.CallService;
import uk.carenav.call.FixedVariant;
import uk.carenav.call.InputMode;
import uk.carenav.call.Mode;
import uk.carenav.call.SpokenSteps;
import uk.carenav.call.TraineeCalls;
import uk.carenav.call.UtteranceMisses;
import uk.carenav.coverage.AreaTrainingStatus;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;
import uk.carenav.scoring.Finding;

@SpringBootTest
@Import(FixedVariant.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class SignOffServiceTest {

    @Autowired
    UtteranceMisses misses;
    @Autowired
    SignOffService signOffs;
    @Autowired
    CallService calls;
    @Autowired
    ScenarioLibrary library;
    @Autowired
    StaffDirectory directory;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSupervisorSeesOnlyTheirOwnTraineesAndCannotOpenOthersById() {
        signIn("trainee4");
        long trainee4 = directory.currentStaffId();
        signIn("supervisor1");
        assertThat(signOffs.myTrainees()).extracting(t -> t.trainee().username())
                .containsExactlyInAnyOrder("trainee1", "trainee2", "trainee3");
        assertThat(signOffs.myTrainees()).allMatch(t -> t.status() == TraineeStatus.NOT_STARTED);
        assertThatThrownBy(() -> signOffs.trainee(trainee4)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> signOffs.signOff(trainee4, true, "a reason that is long enough"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void notReadyMeansAnExceptionWithAReasonThenRevocation() {
        signIn("trainee1");
        long trainee1 = directory.currentStaffId();
        signIn("supervisor1");
        assertThatThrownBy(() -> signOffs.signOff(trainee1, false, "")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("Declaration"));
        assertThatThrownBy(() -> signOffs.signOff(trainee1, true, "short")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("Reason for the exception"));

        signOffs.signOff(trainee1, true, "Twenty years on a hospital switchboard; observed daily for a month.");
        Records.TraineeRecord r = signOffs.trainee(trainee1);
        assertThat(r.status()).isEqualTo(TraineeStatus.SIGNED_OFF);
        assertThat(r.signOffs()).singleElement().satisfies(s -> {
            assertThat(s.exception()).isTrue();
            assertThat(s.policyVersion()).isEqualTo("2026-12 v2");
            assertThat(s.refresherDue()).isAfter(LocalDate.now().plusMonths(11));
        });
        String evidence = jdbc.sql("select evidence from sign_off where trainee_id = ?").param(trainee1).query(String.class).single();
        assertThat(evidence).contains("\"policyVersion\"", "Every required category passed at least once");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SIGN_OFF_EXCEPTION'").query(Integer.class).single())
                .isEqualTo(1);

        assertThatThrownBy(() -> signOffs.signOff(trainee1, true, "again and again and again"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already signed off");
        signOffs.revoke(r.signOffs().get(0).id(), "Two serious incidents in the first week");
        assertThat(signOffs.trainee(trainee1).status()).isEqualTo(TraineeStatus.REVOKED);
    }

    @Test
    void tenGoodAssessedCallsAcrossTheCategoriesAndTwoObservedCallsMakeATraineeReady() {
        signIn("trainee2");
        long trainee2 = directory.currentStaffId();
        List<Scenario> picks = new ArrayList<>();
        for (String category : ReadinessPolicy.REQUIRED_CATEGORIES) {
            picks.add(library.current().scenarios().stream().filter(s -> s.category().equals(category)).findFirst().orElseThrow());
        }
        library.current().scenarios().stream().filter(s -> !picks.contains(s)).limit(10 - picks.size()).forEach(picks::add);
        for (Scenario s : picks) {
            String id = calls.start(s.id(), Mode.ASSESSMENT);
            String variant = s.variants().get(0).id();
            SpokenSteps.play(calls, id, s, library.current().catalogue(),
                    s.expected().get(variant).modelAnswer());
            assertThat(calls.end(id).band()).isEqualTo("HIGH_COMPLIANCE");
        }

        signIn("supervisor1");
        assertThat(signOffs.trainee(trainee2).status()).isEqualTo(TraineeStatus.IN_TRAINING);
        assertThat(signOffs.trainee(trainee2).readiness().blockers()).extracting(Readiness.Condition::name)
                .containsExactly("At least 2 supervisor-observed live calls at Compliant or better");
        assertThatThrownBy(() -> signOffs.recordObservedCall(trainee2, new Records.ObservedCallForm(LocalDate.now().plusDays(1),
                "CORRECT", "MET", "MET", "MET", "MET", "COMPLIANT", null))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("Date of the call"));
        for (int i = 0; i < 2; i++) {
            signOffs.recordObservedCall(trainee2, new Records.ObservedCallForm(LocalDate.now().minusDays(i), "CORRECT", "MET",
                    "MET", "MET", "PARTLY_MET", "COMPLIANT", "Good screening; note could be fuller."));
        }
        Records.TraineeRecord ready = signOffs.trainee(trainee2);
        assertThat(ready.status()).isEqualTo(TraineeStatus.READY);
        assertThat(ready.competencies()).anyMatch(c -> c.status().equals("Proficient"));

        signOffs.signOff(trainee2, true, null);
        assertThat(signOffs.trainee(trainee2).signOffs()).singleElement().satisfies(s -> assertThat(s.exception()).isFalse());

        // The certificate, read back from the PDF.
        String text = pdfText(signOffs.certificate(trainee2));
        assertThat(text).contains("Certificate of care navigation sign-off", "Priya Shah", "Riverside Surgery",
                "Helen Price", "Refresher due by", "Readiness rule: 2026-12 v2", "RISK-1");
        // The service lead's coverage, against hand-computed figures: Riverside Surgery has trainee1 (not
        // started) and trainee2 (signed off): 50% signed off, amber; every other practice red, nobody signed off.
        signIn("lead1");
        AreaTrainingStatus.Area area = areaStatus.myArea();
        var riverside = area.practices().stream().filter(p -> p.practice().equals("Riverside Surgery")).findFirst().orElseThrow();
        assertThat(riverside.trainees()).isEqualTo(2);
        assertThat(riverside.count(TraineeStatus.SIGNED_OFF)).isEqualTo(1);
        assertThat(riverside.count(TraineeStatus.NOT_STARTED)).isEqualTo(1);
        assertThat(riverside.signedOffPercent()).isEqualTo(50);
        assertThat(riverside.rag()).isEqualTo("Amber");
        assertThat(area.trainees()).isEqualTo(6);
        assertThat(area.count(TraineeStatus.SIGNED_OFF)).isEqualTo(1);
        assertThat(area.practices()).filteredOn(p -> !p.practice().equals("Riverside Surgery")).extracting(AreaTrainingStatus.PracticeStatus::rag)
                .containsOnly("Red");

        signIn("trainee2");
        assertThat(signOffs.myStatus().status()).isEqualTo(TraineeStatus.SIGNED_OFF);
        assertThat(pdfText(signOffs.myCertificate())).contains("Priya Shah");
    }

    @Autowired
    TraineeCalls traineeCalls;
    @Autowired
    AreaTrainingStatus areaStatus;

    @Test
    void theRecordListsPracticeCallsApartAndEveryAssessmentHoweverItWasTaken() {
        signIn("trainee3");
        long trainee3 = directory.currentStaffId();
        Scenario chest = library.current().scenario("chest-pain-gardening").orElseThrow();
        String practice = calls.start(chest.id(), Mode.PRACTICE);
        calls.record(practice, chest.expected().get("crushing").modelAnswer().get(0));
        calls.end(practice);
        String assessed = calls.start(chest.id(), Mode.ASSESSMENT);
        SpokenSteps.play(calls, assessed, chest, library.current().catalogue(),
                chest.expected().get("crushing").modelAnswer());
        calls.end(assessed);

        signIn("supervisor1");
        var record = signOffs.trainee(trainee3);
        assertThat(record.practiceCalls()).extracting(a -> a.id()).containsExactly(practice);
        assertThat(record.practiceCalls().get(0).inputMode()).isEqualTo(InputMode.GUIDED);
        assertThat(record.assessedCalls()).extracting(a -> a.id()).containsExactly(assessed);
        assertThat(record.assessedCalls().get(0).inputMode()).isEqualTo(InputMode.CONVERSATION);
        assertThat(traineeCalls.debrief(trainee3, practice).attempt().mode()).isEqualTo(Mode.PRACTICE);
    }

    @Test
    void aSupervisorOverridesACriticalFindingWithAReasonAndTheOriginalIsKept() {
        signIn("trainee3");
        long trainee3 = directory.currentStaffId();
        Scenario chest = library.current().scenario("chest-pain-gardening").orElseThrow();
        String id = calls.start(chest.id(), Mode.ASSESSMENT);
        // The model answer without the breathlessness screen: one critical finding.
        SpokenSteps.play(calls, id, chest, library.current().catalogue(),
                chest.expected().get("crushing").modelAnswer().stream()
                        .filter(a -> !(a instanceof CallAction.Ask ask && ask.questionId().equals("q-breathless"))).toList());
        assertThat(calls.end(id).band()).isEqualTo("NON_COMPLIANT");

        signIn("supervisor1");
        var debrief = traineeCalls.debrief(trainee3, id);
        int critical = debrief.scoreCard().findings().indexOf(debrief.scoreCard().findings().stream()
                .filter(Finding::critical).findFirst().orElseThrow());
        assertThatThrownBy(() -> traineeCalls.overrideFinding(trainee3, id, critical, "MAJOR", "short"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("Reason"));
        traineeCalls.overrideFinding(trainee3, id, critical, "MAJOR",
                "He had already said he was breathless in his opening words, so the screen was answered.");
        traineeCalls.comment(trainee3, id, "Good, quick routing. Ask the screen anyway next time.");

        // Authors see the overridden screen of a conversational call among what calls did not hear.
        signIn("admin");
        assertThat(misses.recent("chest-pain-gardening")).anySatisfy(m -> {
            assertThat(m.typed()).startsWith("Screen: ");
            assertThat(m.heard()).isEqualTo("corrected by a supervisor: He had already said he was breathless in his "
                    + "opening words, so the screen was answered.");
        });
        assertThat(new String(misses.csv("chest-pain-gardening"), StandardCharsets.UTF_8))
                .contains("corrected by a supervisor");
        signIn("supervisor1");

        Records.TraineeRecord r = signOffs.trainee(trainee3);
        assertThat(r.assessedCalls()).singleElement().satisfies(a -> {
            assertThat(a.critical()).isFalse();
            assertThat(a.band()).isNotEqualTo("NON_COMPLIANT");
        });
        // Another supervisor cannot touch it.
        signIn("supervisor2");
        assertThatThrownBy(() -> traineeCalls.debrief(trainee3, id)).isInstanceOf(AccessDeniedException.class);

        signIn("trainee3");
        var mine = calls.debrief(id);
        assertThat(mine.attempt().band()).isEqualTo("NON_COMPLIANT");
        assertThat(mine.reviews()).hasSize(2);
    }

    private static String pdfText(byte[] pdf) {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void signIn(String username) {
        SignIn.as(users, username);
    }
}
