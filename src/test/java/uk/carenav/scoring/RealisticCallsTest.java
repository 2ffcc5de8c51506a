package uk.carenav.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.carenav.scenario.CallAction.Ask;
import uk.carenav.scenario.CallAction.ChooseRoute;
import uk.carenav.scenario.CallAction.RateConfidence;
import uk.carenav.scenario.CallAction.SafetyNet;
import uk.carenav.scenario.CallAction.Say;
import uk.carenav.scenario.CallAction.WriteNote;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.Severity;

/** Hand-written transcripts of realistic wrong (and right) calls, with the findings an auditor would make. */
class RealisticCallsTest {

    private final ScoringEngine engine = new ScoringEngine(ScoringPolicy.defaults());

    private ScoreCard score(Transcript t) {
        Scenario s = Library.scenario(t.scenarioId());
        return engine.score(s, Library.SHIPPED.catalogue(), t);
    }

    @Test
    void crushingChestPainBookedIntoARoutineGpSlot() {
        Scenario s = Library.scenario("chest-pain-gardening");
        ScoreCard card = score(Library.transcript(s, "crushing",
                new Ask("q-where", 5.0), new Ask("q-when", 12.0),
                new ChooseRoute("routine-gp", 30.0), new SafetyNet("record-call", 40.0),
                new WriteNote("Chest pain since gardening. Routine GP booked Thursday.", 70.0), new RateConfidence(4, 75.0)));

        assertThat(card.band()).isEqualTo(ComplianceBand.NON_COMPLIANT);
        assertThat(card.passed()).isFalse();
        assertThat(card.routingGrade()).isEqualTo(RoutingGrade.UNDER_TRIAGE);
        assertThat(card.deviations()).filteredOn(f -> f.severity() == Severity.CRITICAL)
                .extracting(Finding::item)
                .containsExactlyInAnyOrder("Screen: Chest pain that could be a heart attack",
                        "Screen: Chest pain with breathlessness, sweating or feeling sick", "Route", "Routed in time");
        Finding route = card.deviations().stream().filter(f -> f.item().equals("Route")).findFirst().orElseThrow();
        assertThat(route.did()).isEqualTo("Routine GP appointment (under-triage)");
        assertThat(route.expected()).startsWith("Call 999 (ambulance) now");
        assertThat(route.feedback()).startsWith("Under-triage of an emergency call is a critical deviation");
        assertThat(card.deviations()).extracting(Finding::item).contains("Stay on the line", "Note: left arm", "Note: 999");
    }

    @Test
    void chestPainScreenedButRoutedTooLate() {
        Scenario s = Library.scenario("chest-pain-gardening");
        ScoreCard card = score(Library.transcript(s, "crushing",
                new Ask("q-where", null), new Ask("q-spread", null), new Ask("q-breathless", null), new Ask("q-when", null),
                new Ask("q-history", null), new Ask("q-who-with", null), new Ask("d-diet", null),
                new ChooseRoute("emergency-999", null), new SafetyNet("stay-on-line", null), new SafetyNet("record-call", null),
                new WriteNote("Central chest pain spreading to left arm, sweaty. 999 called.", null)));
        assertThat(card.routingGrade()).isEqualTo(RoutingGrade.CORRECT);
        assertThat(card.band()).isEqualTo(ComplianceBand.NON_COMPLIANT);
        Finding late = card.deviations().stream().filter(f -> f.item().equals("Routed in time")).findFirst().orElseThrow();
        assertThat(late.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(late.did()).isEqualTo("Routed after 7 questions");
        assertThat(card.deviations()).extracting(Finding::did).contains("Asked: \"What have you eaten today?\"");
    }

    @Test
    void diagnosingIsCriticalEvenWhenTheRouteIsRight() {
        Scenario s = Library.scenario("chest-pain-gardening");
        List<CallAction> model = new ArrayList<>(s.expected().get("crushing").modelAnswer());
        model.add(1, new Say("s-indigestion", null));
        ScoreCard card = score(new Transcript(s.id(), s.version(), "crushing", model));
        assertThat(card.routingGrade()).isEqualTo(RoutingGrade.CORRECT);
        assertThat(card.band()).isEqualTo(ComplianceBand.NON_COMPLIANT);
        assertThat(card.deviations()).singleElement().satisfies(f -> {
            assertThat(f.item()).isEqualTo("Must not: Diagnosing");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        });
        ScoreCard.SegmentScore communication = card.segments().stream()
                .filter(x -> x.segment() == Segment.COMMUNICATION).findFirst().orElseThrow();
        assertThat(communication.points()).isZero();
    }

    @Test
    void aSeventyYearOldsUtiSentToPharmacyFirst() {
        Scenario s = Library.scenario("uti-age-and-pregnancy");
        ScoreCard card = score(Library.transcript(s, "age-seventy",
                new Ask("q-symptoms", null), new Ask("q-kidney", null),
                new ChooseRoute("pharmacy-first", null), new SafetyNet("how-to-access", null),
                new WriteNote("Water infection symptoms, sent to Pharmacy First.", null)));
        assertThat(card.routingGrade()).isEqualTo(RoutingGrade.INELIGIBLE);
        assertThat(card.band()).isEqualTo(ComplianceBand.NON_COMPLIANT);
        assertThat(card.deviations()).filteredOn(Finding::critical).extracting(Finding::item)
                .containsExactlyInAnyOrder("Screen: Can I just check your age?", "Route");
        Finding route = card.deviations().stream().filter(f -> f.item().equals("Route")).findFirst().orElseThrow();
        assertThat(route.did()).isEqualTo("Pharmacy First (community pharmacy consultation) (not eligible)");
        assertThat(route.feedback()).contains("aged 16 to 64").contains("this patient is 70");
        assertThat(route.source()).contains("Pharmacy First service specification");
        assertThat(card.failedBecause()).anyMatch(r -> r.startsWith("Ineligible route:"));
        assertThat(card.deviations()).extracting(Finding::item).contains("Note: age 70", "Note: not eligible");
    }

    @Test
    void anEligibleUtiBookedWithTheDutyClinicianIsOverTriageButNotCritical() {
        Scenario s = Library.scenario("uti-age-and-pregnancy");
        List<CallAction> actions = s.expected().get("eligible").modelAnswer().stream()
                .map(a -> a instanceof ChooseRoute ? new ChooseRoute("same-day-urgent", null) : a).toList();
        ScoreCard card = score(new Transcript(s.id(), s.version(), "eligible", actions));
        assertThat(card.routingGrade()).isEqualTo(RoutingGrade.OVER_TRIAGE);
        assertThat(card.criticalDeviation()).isFalse();
        assertThat(card.deviations()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.MODERATE);
            assertThat(f.feedback()).contains("uses an appointment someone else may need");
        });
        assertThat(card.failedBecause()).isEmpty();
        assertThat(card.passed()).isTrue();
    }

    @Test
    void aDaughterToldHerMothersResults() {
        Scenario s = Library.scenario("daughter-asks-mother-results");
        ScoreCard card = score(Library.transcript(s, "no-consent",
                new Ask("q-who", null), new Say("s-give-result", null), new ChooseRoute("admin-team", null),
                new WriteNote("Daughter rang about mum's blood results, told they are back and to book in.", null)));
        assertThat(card.routingGrade()).isEqualTo(RoutingGrade.CORRECT);
        assertThat(card.band()).isEqualTo(ComplianceBand.NON_COMPLIANT);
        assertThat(card.deviations()).filteredOn(Finding::critical).extracting(Finding::item)
                .contains("Must not: Disclosure to a third party without consent");
        Finding disclosure = card.deviations().stream().filter(f -> f.item().startsWith("Must not")).findFirst().orElseThrow();
        assertThat(disclosure.did()).contains("the doctor's flagged one of them");
        assertThat(card.deviations()).filteredOn(Finding::critical).extracting(Finding::item)
                .anyMatch(i -> i.startsWith("Screen:"));
    }
}
