package uk.carenav.call;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;

/** The scenario versions attempts were taken on, read once from their kept copies. */
@Component
class KeptScenarios {

    private final AttemptStore store;
    private final ScenarioLibrary library;
    private final Map<String, Scenario> cache = new ConcurrentHashMap<>();

    KeptScenarios(AttemptStore store, ScenarioLibrary library) {
        this.store = store;
        this.library = library;
    }

    Scenario get(String id, int version) {
        return cache.computeIfAbsent(id + "@" + version, k -> library.readKept(id, version,
                store.keptScenario(id, version).orElseThrow(() -> new IllegalStateException("No kept copy of " + k))));
    }
}
