package uk.carenav.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;

/** Properties of the marking, over random calls on random scenarios of the library. */
class ScoringPropertiesTest {

    private final ScoringEngine engine = new ScoringEngine(ScoringPolicy.defaults());
    private final Catalogue catalogue = Library.SHIPPED.catalogue();

    record Call(Scenario scenario, String variant, List<CallAction> actions) {
        Transcript transcript() {
            return new Transcript(scenario.id(), scenario.version(), variant, actions);
        }

        Call with(CallAction extra) {
            List<CallAction> more = new ArrayList<>(actions);
            more.add(extra);
            return new Call(scenario, variant, more);
        }
    }

    @Provide
    Arbitrary<Call> calls() {
        List<Scenario> scenarios = Library.SHIPPED.scenarios();
        return Arbitraries.of(scenarios).flatMap(s -> {
            Arbitrary<String> variant = Arbitraries.of(s.variants().stream().map(Scenario.Variant::id).toList());
            Arbitrary<CallAction> action = action(s);
            return Combinators.combine(variant, action.list().ofMaxSize(15)).as((v, a) -> new Call(s, v, a));
        });
    }

    private Arbitrary<CallAction> action(Scenario s) {
        List<Arbitrary<CallAction>> kinds = new ArrayList<>();
        kinds.add(Arbitraries.of(s.questions().stream().map(Scenario.Question::id).toList()).map(q -> new CallAction.Ask(q, null)));
        kinds.add(Arbitraries.of(List.copyOf(catalogue.routes().keySet())).map(r -> new CallAction.ChooseRoute(r, null)));
        kinds.add(Arbitraries.of(List.copyOf(catalogue.safetyNetting().keySet())).map(x -> new CallAction.SafetyNet(x, null)));
        kinds.add(noteWords(s).list().ofMaxSize(8).map(w -> new CallAction.WriteNote(String.join(" ", w), null)));
        kinds.add(Arbitraries.integers().between(1, 5).map(c -> new CallAction.RateConfidence(c, null)));
        if (!s.statements().isEmpty()) {
            kinds.add(Arbitraries.of(s.statements().stream().map(Scenario.Statement::id).toList())
                    .map(x -> new CallAction.Say(x, null)));
        }
        return Arbitraries.oneOf(kinds);
    }

    private static Arbitrary<String> noteWords(Scenario s) {
        List<String> words = new ArrayList<>(List.of("caller", "advised", "booked", "no", "today"));
        s.expected().values().forEach(e -> e.note().forEach(f -> {
            words.add(f.fact());
            words.addAll(f.synonyms());
        }));
        return Arbitraries.of(words);
    }

    @Property(tries = 300)
    void theSameCallAlwaysGetsTheSameScore(@ForAll("calls") Call call) {
        assertThat(engine.score(call.scenario(), catalogue, call.transcript()))
                .isEqualTo(engine.score(call.scenario(), catalogue, call.transcript()));
    }

    @Property(tries = 300)
    void scoresStayBetweenZeroAndOneHundred(@ForAll("calls") Call call) {
        ScoreCard card = engine.score(call.scenario(), catalogue, call.transcript());
        assertThat(card.percentage()).isBetween(0.0, 100.0);
        assertThat(card.points()).isBetween(0, card.possible());
        card.segments().forEach(s -> assertThat(s.points()).isBetween(0, s.possible()));
    }

    @Property(tries = 300)
    void givingARequiredSafetyNettingStepNeverLowersTheScore(@ForAll("calls") Call call) {
        var required = call.scenario().expected().get(call.variant()).safetyNetting();
        ScoreCard before = engine.score(call.scenario(), catalogue, call.transcript());
        for (var step : required) {
            ScoreCard after = engine.score(call.scenario(), catalogue, call.with(new CallAction.SafetyNet(step.stepId(), null)).transcript());
            assertThat(after.percentage()).isGreaterThanOrEqualTo(before.percentage());
            assertThat(after.band().atLeast(before.band())).isTrue();
        }
    }

    @Property(tries = 300)
    void underTriageNeverScoresBetterThanOverTriage(@ForAll("calls") Call call) {
        Scenario.Expected e = call.scenario().expected().get(call.variant());
        List<String> under = new ArrayList<>();
        List<String> over = new ArrayList<>();
        for (String route : catalogue.routes().keySet()) {
            switch (ScoringEngine.grade(catalogue, e, route)) {
                case UNDER_TRIAGE -> under.add(route);
                case OVER_TRIAGE -> over.add(route);
                default -> { }
            }
        }
        // Only calls with both kinds of route can say anything; the others are discarded, not passed.
        Assume.that(!under.isEmpty() && !over.isEmpty());
        for (String u : under) {
            for (String o : over) {
                ScoreCard uc = engine.score(call.scenario(), catalogue, call.with(new CallAction.ChooseRoute(u, null)).transcript());
                ScoreCard oc = engine.score(call.scenario(), catalogue, call.with(new CallAction.ChooseRoute(o, null)).transcript());
                assertThat(uc.percentage()).as(u + " vs " + o).isLessThanOrEqualTo(oc.percentage());
                assertThat(oc.band().atLeast(uc.band())).as(u + " vs " + o).isTrue();
            }
        }
    }
}
