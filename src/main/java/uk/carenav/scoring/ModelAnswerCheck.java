package uk.carenav.scoring;

import java.util.List;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Problem;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioCheck;

/**
 * Scores the model answer of every variant with the engine and refuses, at the line of the model
 * answer, any that is not a perfect call: 100%, routing Correct, no deviation. A model answer is what
 * the debrief shows a trainee as the ideal call, so it must pass its own audit. Found by
 * {@link java.util.ServiceLoader}; see {@link ScenarioCheck}.
 */
public final class ModelAnswerCheck implements ScenarioCheck {

    private final ScoringEngine engine = new ScoringEngine(ScoringPolicy.defaults());

    @Override
    public void check(Scenario scenario, Catalogue catalogue, List<Problem> problems) {
        for (Scenario.Variant v : scenario.variants()) {
            Scenario.Expected e = scenario.expected().get(v.id());
            if (e == null) {
                continue;
            }
            ScoreCard card;
            try {
                card = engine.score(scenario, catalogue, new Transcript(scenario.id(), scenario.version(), v.id(),
                        e.modelAnswer()));
            } catch (InvalidTranscriptException ex) {
                problems.add(new Problem(scenario.file(), e.modelAnswerLine(), 1, "the model answer of '" + v.id()
                        + "' cannot be scored: " + ex.getMessage()));
                continue;
            }
            List<Finding> deviations = card.deviations();
            if (card.percentage() < 100.0 || card.routingGrade() != RoutingGrade.CORRECT || !deviations.isEmpty()) {
                problems.add(new Problem(scenario.file(), e.modelAnswerLine(), 1, "the model answer of '" + v.id()
                        + "' is not a perfect call: it scores " + card.percentage() + "% (" + card.band().label()
                        + "), routing " + card.routingGrade().label()
                        + (deviations.isEmpty() ? "" : "; deviations: " + String.join("; ", deviations.stream()
                                .map(f -> f.item() + " (" + f.did() + ")").toList()))
                        + ". A model answer must score 100% with the route Correct and no deviation."));
            }
        }
    }
}
