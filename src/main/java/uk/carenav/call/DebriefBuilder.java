package uk.carenav.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Component;
import uk.carenav.scenario.ScenarioLibrary;
import uk.carenav.scoring.ScoreCard;

/** Puts a finished attempt's debrief together from the stored score card, steps and reviews. Callers check access. */
@Component
class DebriefBuilder {

    private final AttemptStore store;
    private final KeptScenarios kept;
    private final ScenarioLibrary library;
    private final ObjectMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    DebriefBuilder(AttemptStore store, KeptScenarios kept, ScenarioLibrary library) {
        this.store = store;
        this.kept = kept;
        this.library = library;
    }

    Debrief build(AttemptStore.AttemptRow row) {
        AttemptSummary a = row.summary();
        if (!a.completed()) {
            throw new IllegalStateException("This call has not ended yet.");
        }
        return new Debrief(a, kept.get(a.scenarioId(), a.scenarioVersion()), library.current().catalogue(),
                scoreCard(row), store.events(a.id()), store.rescores(a.id()), store.reviews(a.id()),
                store.shiftLink(a.id()).orElse(null));
    }

    ScoreCard scoreCard(AttemptStore.AttemptRow row) {
        return scoreCard(row.scoreCard());
    }

    ScoreCard scoreCard(String stored) {
        try {
            return json.readValue(stored, ScoreCard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored score card cannot be read", e);
        }
    }
}
