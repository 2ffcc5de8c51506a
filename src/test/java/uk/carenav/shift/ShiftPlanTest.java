package uk.carenav.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.carenav.scenario.LibraryLoader;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ShiftDefinition;

/** A shift's plan is drawn from its seed: the same seed always gives the same callers, in the same order, at the same times. */
class ShiftPlanTest {

    static final LibraryLoader.Result LIBRARY = LibraryLoader.loadDirectory(Path.of("scenarios"));

    static ShiftDefinition definition(String id) {
        return LIBRARY.shifts().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    static Optional<Scenario> scenario(String id) {
        return LIBRARY.scenarios().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Test
    void theSameSeedDrawsTheSamePlanAndItSurvivesBeingStored() {
        ShiftDefinition rush = definition("8am-rush");
        for (long seed : new long[] {0, 1, 42, -7_300_112_456_981L, Long.MAX_VALUE}) {
            ShiftPlan first = ShiftPlan.draw(rush, ShiftPlanTest::scenario, seed);
            ShiftPlan again = ShiftPlan.draw(rush, ShiftPlanTest::scenario, seed);
            assertThat(again).isEqualTo(first);
            assertThat(ShiftPlan.fromJson(first.json())).isEqualTo(first);
        }
        assertThat(ShiftPlan.draw(rush, ShiftPlanTest::scenario, 1))
                .as("another seed, another shift").isNotEqualTo(ShiftPlan.draw(rush, ShiftPlanTest::scenario, 2));
    }

    @Test
    void everyPlanFollowsItsDefinition() {
        for (ShiftDefinition d : LIBRARY.shifts()) {
            for (long seed = 0; seed < 200; seed++) {
                ShiftPlan plan = ShiftPlan.draw(d, ShiftPlanTest::scenario, seed);
                assertThat(plan.callers()).hasSize(d.callerCount());
                assertThat(plan.closesAt()).isEqualTo(d.minutes() * 60);
                Map<String, Long> byPool = plan.callers().stream()
                        .collect(Collectors.groupingBy(ShiftPlan.Caller::pool, Collectors.counting()));
                for (ShiftDefinition.Pool pool : d.pools()) {
                    assertThat(byPool.get(pool.name())).as(pool.name()).isEqualTo(pool.count());
                    List<ShiftPlan.Caller> drawn = plan.callers().stream().filter(c -> c.pool().equals(pool.name())).toList();
                    assertThat(drawn).extracting(ShiftPlan.Caller::scenarioId).doesNotHaveDuplicates();
                    for (ShiftPlan.Caller c : drawn) {
                        ShiftDefinition.Caller entry = pool.callers().stream()
                                .filter(e -> e.scenarioId().equals(c.scenarioId())).findFirst().orElseThrow();
                        if (!entry.variants().isEmpty()) {
                            assertThat(entry.variants()).contains(c.variantId());
                        }
                        assertThat(c.opening()).isEqualTo(entry.opening());
                        assertThat(c.scenarioVersion()).isEqualTo(scenario(c.scenarioId()).orElseThrow().version());
                        if (pool.redFlag()) {
                            assertThat(c.redFlag()).isTrue();
                        }
                    }
                }
                for (int i = 0; i < plan.callers().size(); i++) {
                    ShiftPlan.Caller c = plan.callers().get(i);
                    assertThat(c.number()).isEqualTo(i + 1);
                    if (i < d.waitingAtStart()) {
                        assertThat(c.joinsAt()).as("ringing when the lines open").isEqualTo(i * ShiftPlan.START_GAP_SECONDS);
                    } else {
                        assertThat(c.joinsAt()).isBetween(30, d.arrivalsOverMinutes() * 60)
                                .isGreaterThanOrEqualTo(plan.callers().get(i - 1).joinsAt());
                    }
                    assertThat(c.patienceSeconds()).isBetween(d.patienceSeconds().min(), d.patienceSeconds().max());
                    if (c.redFlag()) {
                        assertThat(c.ringsBackAfter()).as("a worried caller with a red flag rings back").isNotNull();
                    }
                    if (c.ringsBackAfter() != null) {
                        assertThat(c.ringsBackAfter()).isBetween(d.ringBackAfterSeconds().min(), d.ringBackAfterSeconds().max());
                    }
                }
            }
        }
    }

    @Test
    void theHiddenStrokeWorsensAsItsScenarioSays() {
        ShiftPlan plan = ShiftPlan.draw(definition("8am-rush"), ShiftPlanTest::scenario, 3);
        ShiftPlan.Caller stroke = plan.callers().stream().filter(c -> c.scenarioId().equals("stroke-father-fast"))
                .findFirst().orElseThrow();
        assertThat(stroke.variantId()).isEqualTo("tia-passed");
        assertThat(stroke.opening()).startsWith("Morning. Could I book my dad in");
        assertThat(stroke.variantAfterWaiting(179.9)).isEqualTo("tia-passed");
        assertThat(stroke.openingAfterWaiting(179.9)).isEqualTo(stroke.opening());
        assertThat(stroke.variantAfterWaiting(180)).isEqualTo("tia-then-recurs");
        assertThat(stroke.openingAfterWaiting(180)).contains("while I've been waiting his face has dropped again");
    }

    @Test
    void seedsSpreadTheHiddenStrokeThroughTheQueue() {
        Map<Integer, Integer> positions = new HashMap<>();
        for (long seed = 0; seed < 300; seed++) {
            ShiftPlan plan = ShiftPlan.draw(definition("8am-rush"), ShiftPlanTest::scenario, seed);
            plan.callers().stream().filter(c -> c.scenarioId().equals("stroke-father-fast"))
                    .forEach(c -> positions.merge(c.number(), 1, Integer::sum));
        }
        assertThat(positions.keySet()).as("the stroke caller is not always in the same place").hasSizeGreaterThan(5);
    }
}
