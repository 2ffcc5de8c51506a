package uk.carenav.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.carenav.scenario.CallAction.ChooseRoute;
import uk.carenav.scenario.CallAction.WriteNote;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.LibraryLoader;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.Severity;
import uk.carenav.scenario.ValidateCommand;

/** The ways an unsafe call used to pass, each as it was reproduced: none may pass now. */
class UnsafeCallsTest {

    private final ScoringEngine engine = new ScoringEngine(ScoringPolicy.defaults());

    @TempDir
    Path dir;

    private ScoreCard score(Scenario s, String variant, List<CallAction> actions) {
        return engine.score(s, Library.SHIPPED.catalogue(), new Transcript(s.id(), s.version(), variant, actions));
    }

    private static List<CallAction> withNote(List<CallAction> actions, String note) {
        return actions.stream().map(a -> a instanceof WriteNote ? new WriteNote(note, null) : a).toList();
    }

    private static List<CallAction> withRoute(List<CallAction> actions, String route) {
        return actions.stream().map(a -> a instanceof ChooseRoute ? new ChooseRoute(route, null) : a).toList();
    }

    @Test
    void validateRefusesAModelAnswerThatAsksAScreenOnlyAfterRouting() throws IOException {
        Path library = copyOfLibraryWith("pharmacy-first/uti-age-and-pregnancy.yaml", text -> {
            // The eligible variant's model answer asks the kidney screen after choosing the route.
            String before = "      - ask: q-kidney\n      - route: pharmacy-first\n";
            assertThat(text).contains(before);
            return text.replace(before, "      - route: pharmacy-first\n      - ask: q-kidney\n");
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ValidateCommand.run(List.of(library.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        Path file = library.resolve("library/pharmacy-first/uti-age-and-pregnancy.yaml");
        int line = lineOf(file, "    model_answer:", "\n  eligible:\n");
        assertThat(errors).contains(LibraryLoaderPaths.display(file) + ":" + line + ":1: the model answer of 'eligible' is "
                + "not a perfect call").contains("Non-compliant").contains("Asked only after choosing the route");
    }

    @Test
    void aNoteSayingNotPregnantDoesNotEarnPregnantAndIsADeviationOfItsOwn() {
        Scenario s = Library.scenario("uti-age-and-pregnancy");
        List<CallAction> model = s.expected().get("pregnant").modelAnswer();
        for (String note : List.of("Age 40, not pregnant, UTI symptoms since yesterday. Duty clinician call-back today.",
                "Age 40. Pregnant: no. UTI symptoms since yesterday. Duty clinician call-back today.",
                "Age 40, denies pregnancy, UTI symptoms since yesterday. Duty clinician call-back today.",
                "Age 40, pregnancy test -ve, UTI symptoms. Duty clinician call-back today.")) {
            ScoreCard card = score(s, "pregnant", withNote(model, note));
            assertThat(card.deviations()).as(note).extracting(Finding::item)
                    .contains("Note: pregnant", "Note contradicts the call: pregnant");
            Finding contradiction = card.deviations().stream()
                    .filter(f -> f.item().equals("Note contradicts the call: pregnant")).findFirst().orElseThrow();
            assertThat(contradiction.severity()).isEqualTo(Severity.MAJOR);
            assertThat(card.percentage()).as(note).isLessThan(100.0);
        }
        ScoreCard right = score(s, "pregnant", model);
        assertThat(right.percentage()).isEqualTo(100.0);
    }

    @Test
    void factsThatAreNegativeByDesignStillMatch() {
        Scenario s = Library.scenario("earache-toddler");
        ScoreCard card = score(s, "recurrent", s.expected().get("recurrent").modelAnswer());
        assertThat(card.deviations()).isEmpty();
        Finding notEligible = card.findings().stream().filter(f -> f.item().equals("Note: not eligible")).findFirst()
                .orElseThrow();
        assertThat(notEligible.did()).isEqualTo("Recorded (\"not eligible\")");
    }

    @Test
    void aToothacheBookedIntoARoutineGpSlotIsUnderTriageAndFailsWhateverItsPoints() {
        Scenario s = Library.scenario("toothache-dentist-or-111");
        List<CallAction> actions = withRoute(s.expected().get("has-dentist").modelAnswer(), "routine-gp");
        ScoreCard card = score(s, "has-dentist", actions);
        assertThat(card.routingGrade()).isEqualTo(RoutingGrade.UNDER_TRIAGE);
        assertThat(card.criticalDeviation()).isFalse();
        assertThat(card.percentage()).isGreaterThan(85.0);
        assertThat(card.passed()).isFalse();
        assertThat(card.band()).isEqualTo(ComplianceBand.NON_COMPLIANT);
        assertThat(card.failedBecause()).singleElement().asString()
                .startsWith("Under-triage: no under-triaged call passes, whatever its points");

        ScoringPolicy d = ScoringPolicy.defaults();
        ScoringPolicy off = new ScoringPolicy(d.weights(), d.highCompliance(), d.compliant(), d.partial(), d.low(),
                d.passBand(), d.conductPoints(), false);
        ScoreCard byPoints = new ScoringEngine(off).score(s, Library.SHIPPED.catalogue(),
                new Transcript(s.id(), s.version(), "has-dentist", actions));
        assertThat(byPoints.failedBecause()).isEmpty();
        assertThat(byPoints.passed()).as("with the rule turned off, the points decide").isTrue();
    }

    @Test
    void anIneligiblePharmacyFirstReferralFailsAndSaysWhichCriterionFailed() {
        LibraryLoader.Result outside = LibraryLoader.loadFiles(List.of(
                Path.of("src/test/resources/outside-author/library/pharmacy-first/earache-young-adult.yaml")));
        assertThat(outside.allProblems()).isEmpty();
        Scenario s = outside.scenarios().get(0);
        List<CallAction> actions = withRoute(s.expected().get("one-day").modelAnswer(), "pharmacy-first");
        ScoreCard card = engine.score(s, outside.catalogue(), new Transcript(s.id(), s.version(), "one-day", actions));
        assertThat(card.routingGrade()).isEqualTo(RoutingGrade.INELIGIBLE);
        assertThat(card.passed()).isFalse();
        assertThat(card.band()).isEqualTo(ComplianceBand.NON_COMPLIANT);
        Finding route = card.deviations().stream().filter(f -> f.item().equals("Route")).findFirst().orElseThrow();
        assertThat(route.feedback()).contains("acute otitis media (earache) is only for patients aged 1 to 17")
                .contains("this patient is 19");
        assertThat(route.source()).contains("https://www.england.nhs.uk/publication/");
        assertThat(card.failedBecause()).singleElement().asString().startsWith("Ineligible route: ");

        ScoreCard model = engine.score(s, outside.catalogue(), new Transcript(s.id(), s.version(), "one-day",
                s.expected().get("one-day").modelAnswer()));
        assertThat(model.percentage()).isEqualTo(100.0);
    }

    @Test
    void validateRefusesACorrectRouteThePatientIsNotEligibleFor() throws IOException {
        Path library = copyOfLibraryWith("pharmacy-first/earache-toddler.yaml",
                text -> text.replace("    label: Three-year-old, first ear infection, earache since yesterday, no red flags\n"
                        + "    condition: acute-otitis-media\n    age: 3\n",
                        "    label: Three-year-old, first ear infection, earache since yesterday, no red flags\n"
                        + "    condition: acute-otitis-media\n    age: 19\n"));
        LibraryLoader.Result result = LibraryLoader.loadDirectory(library);
        assertThat(result.allProblems()).extracting(Object::toString)
                .anyMatch(p -> p.contains("route 'pharmacy-first' is correct for 'eligible' but the patient is not eligible")
                        && p.contains("this patient is 19"));
    }

    @Test
    void validateRefusesAVariantThatLeavesOutAFactARoutesEligibilityNeeds() throws IOException {
        Path library = copyOfLibraryWith("pharmacy-first/uti-age-and-pregnancy.yaml", text -> {
            assertThat(text).contains("    condition: uncomplicated-uti\n    catheter: false\n");
            return text.replaceFirst("    condition: uncomplicated-uti\n    catheter: false\n",
                    "    condition: uncomplicated-uti\n");
        });
        LibraryLoader.Result result = LibraryLoader.loadDirectory(library);
        assertThat(result.allProblems()).extracting(Object::toString).anyMatch(p -> p.contains(
                "variant 'eligible' should state 'catheter: true' or 'catheter: false'"));
    }

    @Test
    void validateRefusesARouteSlowerThanTheVariantNeedsOutsideUnderTriage() throws IOException {
        Path library = copyOfLibraryWith("self-referral/toothache-dentist-or-111.yaml", text -> text.replaceFirst(
                "    over_triage: \\[same-day-urgent, nhs-111, emergency-999\\]\n    under_triage: \\[routine-gp, ",
                "    over_triage: [same-day-urgent, routine-gp, nhs-111, emergency-999]\n    under_triage: ["));
        LibraryLoader.Result result = LibraryLoader.loadDirectory(library);
        assertThat(result.allProblems()).extracting(Object::toString).anyMatch(p -> p.contains(
                "route 'routine-gp' is routine, slower than 'has-dentist' needs (within-days), so it cannot be over-triage"));
    }

    @Test
    void aTimeLimitOnATranscriptWithoutTimesIsNotAssessedNotFullMarks() {
        Scenario s = Library.scenario("stroke-father-fast");
        String variant = s.expected().entrySet().stream().filter(e -> e.getValue().routeBy() != null)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Scenario.Expected e = s.expected().get(variant);
        List<CallAction> untimed = new ArrayList<>();
        for (CallAction a : e.modelAnswer()) {
            untimed.add(a instanceof ChooseRoute r ? new ChooseRoute(r.routeId(), null) : a);
        }
        Scenario onlySeconds = new Scenario(s.id(), s.version(), s.title(), s.category(), s.difficulty(), s.competencies(),
                s.sources(), s.author(), s.reviewDue(), s.caller(), s.opening(), s.hints(), s.variants(), s.questions(),
                s.statements(), Map.of(variant, new Scenario.Expected(variant, e.urgency(), e.correct(),
                        e.acceptable(), e.overTriage(), e.underTriage(), new Scenario.RouteBy(null, 60), e.rationale(),
                        e.mustAsk(), e.safetyNetting(), e.note(), untimed, e.modelAnswerLine())), s.file(),
                s.timeOfCall());
        ScoreCard card = engine.score(onlySeconds, Library.SHIPPED.catalogue(),
                new Transcript(s.id(), s.version(), variant, untimed));
        Finding timely = card.findings().stream().filter(f -> f.item().equals("Routed in time")).findFirst().orElseThrow();
        assertThat(timely.did()).startsWith("Not assessed");
        assertThat(timely.points()).isZero();
        assertThat(timely.possible()).isZero();
    }

    private Path copyOfLibraryWith(String scenario, UnaryOperator<String> change) throws IOException {
        Path library = dir.resolve("scenarios");
        copy(Path.of("scenarios/catalogue"), library.resolve("catalogue"));
        Path target = library.resolve("library").resolve(scenario);
        Files.createDirectories(target.getParent());
        Files.writeString(target, change.apply(Files.readString(Path.of("scenarios/library").resolve(scenario))));
        return library;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /** The 1-based line of {@code text}, first after {@code after}. */
    private static int lineOf(Path file, String text, String after) throws IOException {
        String all = Files.readString(file);
        int at = all.indexOf(text, all.indexOf(after));
        return (int) all.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The path as the validator prints it. */
    private static final class LibraryLoaderPaths {
        static String display(Path p) {
            Path abs = p.toAbsolutePath().normalize();
            Path cwd = Path.of("").toAbsolutePath();
            return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString();
        }
    }

    @Test
    void aWarmHandoverToTheDutyClinicianIsRightForASuicidePlanAndUnderTriageForAStroke() {
        Scenario lonely = Library.scenario("lonely-since-bereavement");
        ScoreCard handover = score(lonely, "plan", withRoute(lonely.expected().get("plan").modelAnswer(), "duty-clinician-now"));
        assertThat(handover.routingGrade()).isEqualTo(RoutingGrade.CORRECT);
        assertThat(handover.passed()).isTrue();

        Scenario tablets = Library.scenario("suicidal-thoughts-tablets");
        ScoreCard tonight = score(tablets, "plan-and-means",
                withRoute(tablets.expected().get("plan-and-means").modelAnswer(), "duty-clinician-now"));
        assertThat(tonight.routingGrade()).isEqualTo(RoutingGrade.ACCEPTABLE);

        // Not a way round 999: for stroke signs the same route is under-triage and fails the call.
        Scenario stroke = Library.scenario("stroke-father-fast");
        String variant = stroke.expected().entrySet().stream()
                .filter(e -> e.getValue().correct().contains("emergency-999")).findFirst().orElseThrow().getKey();
        ScoreCard card = score(stroke, variant, withRoute(stroke.expected().get(variant).modelAnswer(), "duty-clinician-now"));
        assertThat(card.routingGrade()).isEqualTo(RoutingGrade.UNDER_TRIAGE);
        assertThat(card.passed()).isFalse();
    }

    @Test
    void drivingAStrokeToAeIsUnderTriageWhileAeNowIsRightForAWellPatientOnBloodThinners() {
        // Catalogue v2 (clinical review R1): "go to A&E now" is a route of its own, never right for stroke signs.
        Scenario stroke = Library.scenario("stroke-father-fast");
        ScoreCard driven = score(stroke, "fast-now", withRoute(stroke.expected().get("fast-now").modelAnswer(), "ae-now"));
        assertThat(driven.routingGrade()).isEqualTo(RoutingGrade.UNDER_TRIAGE);
        assertThat(driven.passed()).isFalse();

        Scenario head = Library.scenario("head-injury-blood-thinner");
        List<CallAction> model = head.expected().get("thinner-well").modelAnswer();
        assertThat(score(head, "thinner-well", model).routingGrade()).isEqualTo(RoutingGrade.CORRECT);
        ScoreCard ambulance = score(head, "thinner-well", withRoute(model, "emergency-999"));
        assertThat(ambulance.routingGrade()).isEqualTo(RoutingGrade.ACCEPTABLE);
        assertThat(ambulance.passed()).isTrue();
    }

    @Test
    void sendingAnInHoursCallerTo111IsMarkedWithTheReasonAndFailsASameDayCall() {
        Scenario baby = Library.scenario("baby-fever-friday-evening");
        assertThat(baby.timeOfCall()).isEqualTo(Scenario.TimeOfCall.IN_HOURS);
        List<CallAction> model = baby.expected().get("baby-high-temp").modelAnswer();
        assertThat(score(baby, "baby-high-temp", model).percentage()).isEqualTo(100.0);

        ScoreCard bounced = score(baby, "baby-high-temp", withRoute(model, "nhs-111"));
        assertThat(bounced.routingGrade()).isEqualTo(RoutingGrade.UNDER_TRIAGE);
        assertThat(bounced.passed()).isFalse();
        Finding route = bounced.findings().stream().filter(f -> f.item().equals("Route")).findFirst().orElseThrow();
        assertThat(route.feedback()).contains("The practice is open: practices should not normally send patients "
                + "to NHS 111 while open");

        // For a well toddler, 111 tonight is more than he needs: over-triage, with the same reason given.
        List<CallAction> toddler = baby.expected().get("toddler-well").modelAnswer();
        ScoreCard over = score(baby, "toddler-well", withRoute(toddler, "nhs-111"));
        assertThat(over.routingGrade()).isEqualTo(RoutingGrade.OVER_TRIAGE);
        assertThat(over.findings().stream().filter(f -> f.item().equals("Route")).findFirst().orElseThrow().feedback())
                .contains("The practice is open");
    }

    @Test
    void aMissedScreenOnAVariantWithoutTheRedFlagDoesNotTellTheTraineeToCall999() {
        Scenario chest = Library.scenario("chest-pain-gardening");
        String variant = "muscular";
        Scenario.Expected e = chest.expected().get(variant);
        assertThat(e.correct()).doesNotContain("emergency-999");
        String screen = e.mustAsk().get(0);
        List<CallAction> skipped = e.modelAnswer().stream()
                .filter(a -> !(a instanceof CallAction.Ask ask && ask.questionId().equals(screen))).toList();
        Finding missed = score(chest, variant, skipped).deviations().stream()
                .filter(f -> f.item().startsWith("Screen: ")).findFirst().orElseThrow();
        assertThat(missed.feedback()).contains("In this call it was not there, and only asking shows that. Had it been there: ")
                .doesNotContain("This screen finds a red flag that changes the route");

        // On the variant where it is there, the action is the instruction.
        List<CallAction> crushing = chest.expected().get("crushing").modelAnswer().stream()
                .filter(a -> !(a instanceof CallAction.Ask ask && ask.questionId().equals(screen))).toList();
        assertThat(score(chest, "crushing", crushing).deviations().stream().filter(f -> f.item().startsWith("Screen: "))
                .findFirst().orElseThrow().feedback()).contains("This screen finds a red flag that changes the route.");
    }
}
