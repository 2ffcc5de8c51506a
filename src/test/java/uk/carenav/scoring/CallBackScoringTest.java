package uk.carenav.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.Urgency;

/**
 * A call-back from reception (offered in a shift) is graded by the caller's need: safe for one that can wait days,
 * under-triage (which fails the call) for a same-day need or an emergency, in every variant of the library.
 */
class CallBackScoringTest {

    static final ScoringEngine ENGINE = new ScoringEngine(ScoringPolicy.defaults());
    static final Catalogue CATALOGUE = Library.SHIPPED.catalogue();

    /** The model answer with its route replaced by a call-back. */
    static ScoreCard callBack(Scenario s, String variant) {
        List<CallAction> actions = s.expected().get(variant).modelAnswer().stream()
                .map(a -> a instanceof CallAction.ChooseRoute r ? new CallAction.ChooseRoute("call-back", r.at()) : a)
                .toList();
        return ENGINE.score(s, CATALOGUE, new Transcript(s.id(), s.version(), variant, actions));
    }

    @Test
    void theCallBackIsAQueueOnlyRouteNotAService() {
        assertThat(CATALOGUE.routes().get("call-back").queueOnly()).isTrue();
        assertThat(CATALOGUE.services()).noneMatch(Catalogue.Route::queueOnly).hasSize(CATALOGUE.routes().size() - 1);
    }

    @Test
    void aCallBackIsSafeOnlyForANeedThatCanWait() {
        int safe = 0;
        int unsafe = 0;
        for (Scenario s : Library.SHIPPED.scenarios()) {
            for (Scenario.Variant v : s.variants()) {
                Scenario.Expected e = s.expected().get(v.id());
                if (e.correct().contains("call-back") || e.acceptable().contains("call-back")) {
                    continue;
                }
                ScoreCard card = callBack(s, v.id());
                if (e.urgency().moreUrgentThan(Urgency.WITHIN_DAYS)) {
                    assertThat(card.routingGrade()).as(s.id() + "/" + v.id()).isEqualTo(RoutingGrade.UNDER_TRIAGE);
                    assertThat(card.passed()).as(s.id() + "/" + v.id()).isFalse();
                    unsafe++;
                } else {
                    assertThat(card.routingGrade()).as(s.id() + "/" + v.id()).isIn(RoutingGrade.ACCEPTABLE,
                            RoutingGrade.UNDER_TRIAGE, RoutingGrade.INELIGIBLE);
                    if (!e.underTriage().contains("call-back")) {
                        assertThat(card.routingGrade()).as(s.id() + "/" + v.id()).isEqualTo(RoutingGrade.ACCEPTABLE);
                    }
                    safe++;
                }
            }
        }
        assertThat(safe).isPositive();
        assertThat(unsafe).isPositive();
        Scenario stroke = Library.scenario("stroke-father-fast");
        assertThat(callBack(stroke, "tia-passed").failedBecause()).isNotEmpty();
        assertThat(callBack(Library.scenario("repeat-prescription-request"), "routine").routingGrade())
                .isEqualTo(RoutingGrade.ACCEPTABLE);
    }
}
