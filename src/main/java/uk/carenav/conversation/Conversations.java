package uk.carenav.conversation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;

/**
 * The match indexes of the library, one per scenario version, built when the library is loaded or reloaded
 * (and, for an older version a past call was taken on, when it is first needed). An index is rebuilt when
 * the catalogue changes, because red flags, distractors, safety-netting steps and synonyms come from it.
 */
@Service
public class Conversations {

    private record Key(String scenarioId, int version) {
    }

    private record Built(Catalogue catalogue, ScenarioIndex index) {
    }

    private final ScenarioLibrary library;
    private final Map<Key, Built> indexes = new ConcurrentHashMap<>();

    Conversations(ScenarioLibrary library) {
        this.library = library;
        library.addLoadListener(this::buildAll);
    }

    private void buildAll(ScenarioLibrary.Snapshot snapshot) {
        for (Scenario s : snapshot.scenarios()) {
            index(s, snapshot.catalogue());
        }
    }

    /** The index of {@code scenario} against the current catalogue. */
    public ScenarioIndex index(Scenario scenario) {
        return index(scenario, library.current().catalogue());
    }

    private ScenarioIndex index(Scenario scenario, Catalogue catalogue) {
        Key key = new Key(scenario.id(), scenario.version());
        Built b = indexes.get(key);
        // A version's content never changes (calls keep their copy of it), so the version is the key.
        if (b == null || b.catalogue() != catalogue) {
            b = new Built(catalogue, ScenarioIndex.of(scenario, catalogue));
            indexes.put(key, b);
        }
        return b.index();
    }

    /** What the caller of {@code scenario} hears when the navigator says {@code utterance}. */
    public Heard hear(Scenario scenario, String utterance) {
        return index(scenario).hear(utterance);
    }
}
