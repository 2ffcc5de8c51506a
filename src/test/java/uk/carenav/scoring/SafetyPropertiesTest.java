package uk.carenav.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;

/**
 * Safety properties over every scenario, variant and route of the library (generated exhaustively):
 * no call routed slower than the variant needs passes, no call routed where the patient is not
 * eligible passes, and writing "not " before a fact in the note never raises the documentation score.
 */
class SafetyPropertiesTest {

    private static final ScoringEngine ENGINE = new ScoringEngine(ScoringPolicy.defaults());
    private static final Catalogue CATALOGUE = Library.SHIPPED.catalogue();

    record Swap(Scenario scenario, String variant, String route) {
        ScoreCard score() {
            List<CallAction> actions = scenario.expected().get(variant).modelAnswer().stream()
                    .map(a -> a instanceof CallAction.ChooseRoute ? new CallAction.ChooseRoute(route, null) : a).toList();
            return ENGINE.score(scenario, CATALOGUE, new Transcript(scenario.id(), scenario.version(), variant, actions));
        }

        @Override
        public String toString() {
            return scenario.id() + "/" + variant + " -> " + route;
        }
    }

    record Negation(Scenario scenario, String variant, String note, String negatedNote) {
        @Override
        public String toString() {
            return scenario.id() + "/" + variant + ": " + negatedNote;
        }
    }

    @Provide
    Arbitrary<Swap> slowerRoutes() {
        List<Swap> out = new ArrayList<>();
        forEachVariant((s, v) -> CATALOGUE.routes().values().stream()
                .filter(r -> s.expected().get(v).urgency().moreUrgentThan(r.urgency()))
                .forEach(r -> out.add(new Swap(s, v, r.id()))));
        return Arbitraries.of(out);
    }

    @Provide
    Arbitrary<Swap> ineligibleRoutes() {
        List<Swap> out = new ArrayList<>();
        forEachVariant((s, v) -> CATALOGUE.routes().values().stream()
                .filter(r -> r.eligibility() != null && r.eligibility().whyNot(s.patientFacts(v)).isPresent())
                .forEach(r -> out.add(new Swap(s, v, r.id()))));
        assertThat(out).as("the library has ineligible routes to try").hasSizeGreaterThan(100);
        return Arbitraries.of(out);
    }

    @Provide
    Arbitrary<Negation> negatedFacts() {
        List<Negation> out = new ArrayList<>();
        forEachVariant((s, v) -> {
            Scenario.Expected e = s.expected().get(v);
            String note = e.modelAnswer().stream().filter(a -> a instanceof CallAction.WriteNote)
                    .map(a -> ((CallAction.WriteNote) a).text()).findFirst().orElse(null);
            if (note == null) {
                return;
            }
            for (Scenario.NoteFact f : e.note()) {
                List<String> forms = new ArrayList<>(f.synonyms());
                forms.add(0, f.fact());
                for (String form : forms) {
                    int at = note.toLowerCase(Locale.ROOT).indexOf(form.toLowerCase(Locale.ROOT));
                    if (at >= 0) {
                        out.add(new Negation(s, v, note, note.substring(0, at) + "not " + note.substring(at)));
                    }
                }
            }
        });
        assertThat(out).hasSizeGreaterThan(100);
        return Arbitraries.of(out);
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void aRouteSlowerThanTheVariantNeedsNeverPasses(@ForAll("slowerRoutes") Swap swap) {
        ScoreCard card = swap.score();
        assertThat(card.routingGrade()).isIn(RoutingGrade.UNDER_TRIAGE, RoutingGrade.INELIGIBLE);
        assertThat(card.passed()).isFalse();
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void aRouteThePatientIsNotEligibleForNeverPasses(@ForAll("ineligibleRoutes") Swap swap) {
        ScoreCard card = swap.score();
        assertThat(card.routingGrade()).isEqualTo(RoutingGrade.INELIGIBLE);
        assertThat(card.passed()).isFalse();
        assertThat(card.failedBecause()).anyMatch(r -> r.startsWith("Ineligible route:"));
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void notBeforeARecordedFactNeverRaisesTheDocumentationScore(@ForAll("negatedFacts") Negation n) {
        assertThat(documentation(n, n.negatedNote())).isLessThanOrEqualTo(documentation(n, n.note()));
    }

    private static int documentation(Negation n, String note) {
        List<CallAction> actions = n.scenario().expected().get(n.variant()).modelAnswer().stream()
                .map(a -> a instanceof CallAction.WriteNote ? new CallAction.WriteNote(note, null) : a).toList();
        ScoreCard card = ENGINE.score(n.scenario(), CATALOGUE,
                new Transcript(n.scenario().id(), n.scenario().version(), n.variant(), actions));
        return card.segments().stream().filter(x -> x.segment() == Segment.DOCUMENTATION).findFirst().orElseThrow()
                .points();
    }

    private static void forEachVariant(BiConsumer<Scenario, String> each) {
        for (Scenario s : Library.SHIPPED.scenarios()) {
            for (Scenario.Variant v : s.variants()) {
                each.accept(s, v.id());
            }
        }
    }
}
