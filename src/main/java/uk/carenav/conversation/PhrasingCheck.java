package uk.carenav.conversation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Problem;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioCheck;

/**
 * Every way of saying a scenario's questions and statements (its text, its phrasings and, for a red-flag
 * screen, the catalogue's shared phrasings) must be heard as that item, and not as another: two items so
 * close that a phrasing of one is heard as the other are reported as a pair, at the line of the item.
 * Found by {@link java.util.ServiceLoader}; see {@link ScenarioCheck}.
 */
public final class PhrasingCheck implements ScenarioCheck {

    @Override
    public void check(Scenario scenario, Catalogue catalogue, List<Problem> problems) {
        ScenarioIndex index = ScenarioIndex.of(scenario, catalogue);
        Map<String, Integer> lines = new HashMap<>();
        scenario.questions().forEach(q -> lines.put(q.id(), q.line()));
        scenario.statements().forEach(st -> lines.put(st.id(), st.line()));
        for (ScenarioIndex.Item item : index.items()) {
            Integer line = lines.get(item.id());
            if (line == null || (item.kind() == Heard.Kind.DISTRACTOR && scenario.question(item.id())
                    .map(q -> q.phrasings().isEmpty() && q.text().equals(catalogue.distractors().get(q.id()).text()))
                    .orElse(true))) {
                // A bank distractor or a safety-netting step as the catalogue has it: checked with the catalogue.
                continue;
            }
            String what = (item.kind() == Heard.Kind.STATEMENT ? "statement" : "question") + " '" + item.id() + "'";
            for (String phrasing : item.phrasings()) {
                Heard h = index.hear(phrasing);
                if (h.matched() && h.itemId().equals(item.id())) {
                    continue;
                }
                String heard;
                if (h.matched()) {
                    heard = "is heard as " + h.kind().code().replace('_', ' ') + " '" + h.itemId() + "'"
                            + at(lines, h.itemId()) + ": the two are too close; make the phrasings of each more distinct";
                } else if (h.isUnclear()) {
                    Heard.Candidate other = h.unclear().get(0).itemId().equals(item.id()) ? h.unclear().get(1) : h.unclear().get(0);
                    heard = "cannot be told apart from " + other.kind().code().replace('_', ' ') + " '" + other.itemId() + "'"
                            + at(lines, other.itemId()) + ": the two are too close; make the phrasings of each more distinct";
                } else {
                    heard = "is not heard as anything (score " + h.score() + "): use the words a navigator would say";
                }
                problems.add(new Problem(scenario.file(), line, 1, "the phrasing \u201C" + phrasing + "\u201D of " + what
                        + " " + heard));
            }
        }
    }

    private static String at(Map<String, Integer> lines, String id) {
        Integer line = lines.get(id);
        return line == null ? " (catalogue)" : " (line " + line + ")";
    }
}
