package uk.carenav.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.Urgency;

/** Generated from the whole library: every model answer is a perfect call, and every critical item matters. */
class ModelAnswerTest {

    private final ScoringEngine engine = new ScoringEngine(ScoringPolicy.defaults());

    @Test
    void theLibraryIsNotEmpty() {
        assertThat(Library.SHIPPED.scenarios()).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyModelAnswerScoresFullMarksForEveryVariant() {
        return variants().map(sv -> dynamicTest(sv.scenario.id() + " / " + sv.variant, () -> {
            ScoreCard card = engine.score(sv.scenario, Library.SHIPPED.catalogue(), Library.modelAnswer(sv.scenario, sv.variant));
            assertThat(card.deviations()).as("deviations of the model answer").isEmpty();
            assertThat(card.percentage()).isEqualTo(100.0);
            assertThat(card.band()).isEqualTo(ComplianceBand.HIGH_COMPLIANCE);
            assertThat(card.routingGrade()).isEqualTo(RoutingGrade.CORRECT);
            assertThat(card.passed()).isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> removingAnyCriticalItemFromAModelAnswerMakesItNonCompliant() {
        return variants().flatMap(sv -> criticalSteps(sv).stream().map(step -> dynamicTest(
                sv.scenario.id() + " / " + sv.variant + " without " + describe(step), () -> {
                    List<CallAction> actions = Library.without(sv.scenario.expected().get(sv.variant).modelAnswer(), step);
                    ScoreCard card = engine.score(sv.scenario, Library.SHIPPED.catalogue(),
                            new Transcript(sv.scenario.id(), sv.scenario.version(), sv.variant, actions));
                    assertThat(card.band()).isEqualTo(ComplianceBand.NON_COMPLIANT);
                    assertThat(card.criticalDeviation()).isTrue();
                    assertThat(card.passed()).isFalse();
                })));
    }

    /** The model answer's critical items: must-ask screens, and the route of an emergency or same-day call. */
    private static List<CallAction> criticalSteps(ScenarioVariant sv) {
        Scenario.Expected e = sv.scenario.expected().get(sv.variant);
        List<CallAction> out = new ArrayList<>();
        for (CallAction a : e.modelAnswer()) {
            if (a instanceof CallAction.Ask ask && e.mustAsk().contains(ask.questionId()) && !out.contains(a)) {
                out.add(a);
            }
            if (a instanceof CallAction.ChooseRoute && (e.urgency() == Urgency.EMERGENCY || e.urgency() == Urgency.SAME_DAY)) {
                out.add(a);
            }
        }
        return out;
    }

    private static String describe(CallAction a) {
        return a instanceof CallAction.Ask ask ? "asking " + ask.questionId()
                : a instanceof CallAction.ChooseRoute r ? "routing to " + r.routeId() : a.toString();
    }

    record ScenarioVariant(Scenario scenario, String variant) {
    }

    static Stream<ScenarioVariant> variants() {
        return Library.SHIPPED.scenarios().stream()
                .flatMap(s -> s.variants().stream().map(v -> new ScenarioVariant(s, v.id())));
    }
}
