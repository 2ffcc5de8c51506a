package uk.carenav.scenario;

import java.util.List;

/**
 * A reception shift as a clinical educator wrote it ({@code scenarios/shifts/*.yaml}): how long it lasts, how
 * callers arrive and how patient they are, and the pools of scenarios (and variants) the callers are drawn from.
 * A pool marked {@code redFlag} holds callers who hide a red flag behind an ordinary {@code opening}.
 * Times are in seconds of the shift's own clock; {@code file} is where it was read from, for messages.
 */
public record ShiftDefinition(String id, int version, String title, String summary, int minutes,
        int waitingAtStart, int arrivalsOverMinutes, Range patienceSeconds, int ringBackPercent,
        Range ringBackAfterSeconds, int redFlagRouteWithinSeconds, List<Catalogue.Source> sources, List<Pool> pools,
        String file) {

    /** Whole seconds from {@code min} to {@code max}, both included. */
    public record Range(int min, int max) {
    }

    /** {@code count} callers drawn, without repeats, from {@code callers}. */
    public record Pool(String name, int count, boolean redFlag, List<Caller> callers, int line) {
    }

    /**
     * One possible caller: a scenario, the variants it may be dealt as (empty: any of its variants) and, for a
     * hidden red flag, the ordinary opening the caller starts with instead of the scenario's own.
     */
    public record Caller(String scenarioId, List<String> variants, String opening, int line) {
    }

    /** How many callers a shift of this definition has. */
    public int callerCount() {
        return pools.stream().mapToInt(Pool::count).sum();
    }

    /** "8am-rush v1". */
    public String reference() {
        return id + " v" + version;
    }
}
