package uk.carenav.shift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ShiftDefinition;

/**
 * Who calls in a shift, and when: drawn once from the definition with a recorded seed and kept with the shift, so
 * a shift reads the same after the library changes and can be drawn again from its seed to check it. Callers are
 * numbered in the order they first ring. Times are seconds of the shift's clock.
 */
public record ShiftPlan(String definitionId, int definitionVersion, String title, int minutes,
        int redFlagRouteWithinSeconds, List<Caller> callers) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The gap between the callers already ringing when the shift starts, in the order the phone system took them. */
    static final int START_GAP_SECONDS = 4;

    /**
     * One caller. {@code patienceSeconds}: how long they wait before hanging up the first time; {@code ringsBackAfter}:
     * how long after hanging up they ring again (null: they do not); on ringing back they wait until answered.
     * {@code worsensAfter}/{@code worsensTo}: from the scenario's {@code if_kept_waiting}, counted from first joining.
     */
    public record Caller(int number, String pool, boolean redFlag, String scenarioId, int scenarioVersion,
            String variantId, String title, String opening, int joinsAt, int patienceSeconds, Integer ringsBackAfter,
            Integer worsensAfter, String worsensTo, String worsenedOpening) {

        /** When they hang up the first time if nobody answers. */
        public int hangsUpAt() {
            return joinsAt + patienceSeconds;
        }

        /** When they ring again, or null. */
        public Integer ringsBackAt() {
            return ringsBackAfter == null ? null : hangsUpAt() + ringsBackAfter;
        }

        /** The variant they are answered as after waiting {@code waited} seconds since first joining. */
        public String variantAfterWaiting(double waited) {
            return worsensAfter != null && waited >= worsensAfter ? worsensTo : variantId;
        }

        /** What they say first after waiting {@code waited} seconds (null: the scenario's own opening). */
        public String openingAfterWaiting(double waited) {
            return worsensAfter != null && waited >= worsensAfter && worsenedOpening != null ? worsenedOpening : opening;
        }
    }

    /** The shift's length in seconds: the queue closes then. */
    public int closesAt() {
        return minutes * 60;
    }

    public Optional<Caller> caller(int number) {
        return callers.stream().filter(c -> c.number() == number).findFirst();
    }

    /**
     * Draws a plan. The same definition, scenarios and seed always give the same plan.
     *
     * @param scenarios the scenario for an id, as the library has it now (its version is the one callers are
     *                  answered on)
     */
    static ShiftPlan draw(ShiftDefinition d, Function<String, Optional<Scenario>> scenarios, long seed) {
        Random random = new Random(seed);
        record Drawn(ShiftDefinition.Pool pool, ShiftDefinition.Caller entry, Scenario scenario, Scenario.Variant variant) {
        }
        List<Drawn> drawn = new ArrayList<>();
        for (ShiftDefinition.Pool pool : d.pools()) {
            List<ShiftDefinition.Caller> entries = new ArrayList<>(pool.callers());
            Collections.shuffle(entries, random);
            for (ShiftDefinition.Caller entry : entries.subList(0, pool.count())) {
                Scenario s = scenarios.apply(entry.scenarioId()).orElseThrow(() -> new IllegalStateException(
                        "Shift " + d.reference() + " names scenario " + entry.scenarioId() + ", which is not in the library"));
                List<String> ids = entry.variants().isEmpty() ? s.variants().stream().map(Scenario.Variant::id).toList()
                        : entry.variants();
                String id = ids.get(random.nextInt(ids.size()));
                drawn.add(new Drawn(pool, entry, s, s.variant(id).orElseThrow()));
            }
        }
        Collections.shuffle(drawn, random);
        int later = drawn.size() - d.waitingAtStart();
        List<Integer> times = new ArrayList<>();
        int window = Math.max(1, d.arrivalsOverMinutes() * 60 - 30);
        for (int i = 0; i < later; i++) {
            times.add(30 + random.nextInt(window));
        }
        Collections.sort(times);
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            Drawn x = drawn.get(i);
            int joins = i < d.waitingAtStart() ? i * START_GAP_SECONDS : times.get(i - d.waitingAtStart());
            int patience = between(random, d.patienceSeconds());
            boolean redFlag = "true".equals(x.variant().facts().get("red_flag"));
            // A worried caller with a red flag always rings back; others as the definition says.
            boolean ringsBack = redFlag || random.nextInt(100) < d.ringBackPercent();
            Integer after = ringsBack ? between(random, d.ringBackAfterSeconds()) : null;
            Scenario.IfKeptWaiting w = x.variant().ifKeptWaiting();
            callers.add(new Caller(i + 1, x.pool().name(), redFlag, x.scenario().id(), x.scenario().version(),
                    x.variant().id(), x.scenario().title(), x.entry().opening(), joins, patience, after,
                    w == null ? null : w.seconds(), w == null ? null : w.becomes(), w == null ? null : w.opening()));
        }
        return new ShiftPlan(d.id(), d.version(), d.title(), d.minutes(), d.redFlagRouteWithinSeconds(),
                List.copyOf(callers));
    }

    private static int between(Random random, ShiftDefinition.Range r) {
        return r.min() + random.nextInt(r.max() - r.min() + 1);
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ShiftPlan fromJson(String json) {
        try {
            return JSON.readValue(json, ShiftPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored shift plan cannot be read", e);
        }
    }
}
