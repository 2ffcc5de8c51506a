package uk.carenav.conversation;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;

/**
 * The match indexes of the library, one per scenario version. They are built in the background once the
 * application has started and again after every reload (building them while the application starts would
 * hold up its first page by seconds on a small server); a step that needs an index not built yet builds it
 * there and then, as does a step on an older version a past call was taken on. An index is rebuilt when the
 * catalogue changes, because red flags, distractors, safety-netting steps and synonyms come from it.
 */
@Service
public class Conversations {

    private static final Logger log = LoggerFactory.getLogger(Conversations.class);

    private record Key(String scenarioId, int version) {
    }

    private record Built(Catalogue catalogue, ScenarioIndex index) {
    }

    private final ScenarioLibrary library;
    private final Map<Key, Built> indexes = new ConcurrentHashMap<>();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "match-index-build");
        t.setDaemon(true);
        return t;
    });

    Conversations(ScenarioLibrary library) {
        this.library = library;
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildOnceStarted() {
        library.addLoadListener(snapshot -> builder.execute(() -> buildAll(snapshot)));
    }

    @PreDestroy
    void stop() {
        builder.shutdownNow();
    }

    private void buildAll(ScenarioLibrary.Snapshot snapshot) {
        long start = System.nanoTime();
        for (Scenario s : snapshot.scenarios()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            index(s, snapshot.catalogue());
        }
        log.info("Match indexes: {} built in {} ms", snapshot.scenarios().size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The index of {@code scenario} against the current catalogue. */
    public ScenarioIndex index(Scenario scenario) {
        return index(scenario, library.current().catalogue());
    }

    private ScenarioIndex index(Scenario scenario, Catalogue catalogue) {
        // A version's content never changes (calls keep their copy of it), so the version is the key. A step that
        // needs an index the background is building waits for it rather than building it twice.
        return indexes.compute(new Key(scenario.id(), scenario.version()), (k, b) -> b == null || b.catalogue() != catalogue
                ? new Built(catalogue, ScenarioIndex.of(scenario, catalogue)) : b).index();
    }

    /** What the caller of {@code scenario} hears when the navigator says {@code utterance}. */
    public Heard hear(Scenario scenario, String utterance) {
        return index(scenario).hear(utterance);
    }
}
