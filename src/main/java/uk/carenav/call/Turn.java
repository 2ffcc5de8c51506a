package uk.carenav.call;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import uk.carenav.conversation.CallerReplies;
import uk.carenav.conversation.Heard;
import uk.carenav.conversation.ScenarioIndex;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;

/**
 * One saved step as the transcript shows it, live and when the call is replayed or reviewed: what the trainee
 * said (as typed, in a conversational call), how it was heard, and the caller's reply. Steps that are not
 * spoken (the note, the confidence rating, the end) have no turn.
 *
 * @param heardAs how a typed utterance was heard ("nothing" when it matched nothing), or null for a step
 *                chosen from the list
 */
public record Turn(String you, String heardAs, String caller) {

    static final String HEARD_NOTHING = "nothing the caller could follow";

    /** The turn of a step, or empty for a step that is not spoken. */
    public static Optional<Turn> of(CallEvent e, Scenario s, Catalogue c, String variantId,
            Function<Catalogue.Route, String> routeName) {
        String typed = e.utterance();
        return switch (e.kind()) {
            case "ask" -> s.question(e.content()).map(q -> new Turn(typed != null ? typed : q.text(),
                    typed != null ? q.text() : null, q.answerFor(variantId)));
            case "say" -> s.statement(e.content()).map(st -> typed != null
                    ? new Turn(typed, st.text(), CallerReplies.reply(s, c, variantId, heard(Heard.Kind.STATEMENT, st.id(), st.text())))
                    : new Turn(st.text(), null, null));
            case "safety_net" -> Optional.ofNullable(c.safetyNetting().get(e.content())).map(step -> typed != null
                    ? new Turn(typed, step.wording(), CallerReplies.reply(s, c, variantId,
                            heard(Heard.Kind.SAFETY_NET, step.id(), step.wording())))
                    : new Turn(step.wording(), null, null));
            case "route" -> Optional.ofNullable(c.routes().get(e.content()))
                    .map(r -> new Turn("I'm going to direct you to: " + routeName.apply(r) + ".", null, null));
            case CallEvent.UTTERANCE -> Optional.of(unplaced(e, s, c, variantId));
            default -> Optional.empty();
        };
    }

    private static Turn unplaced(CallEvent e, Scenario s, Catalogue c, String variantId) {
        String content = e.content();
        String typed = e.utterance() == null ? "" : e.utterance();
        if (content != null && content.startsWith("distractor:")) {
            String id = content.substring("distractor:".length());
            Catalogue.Distractor d = c.distractors().get(id);
            return d == null ? new Turn(typed, HEARD_NOTHING, CallerReplies.NOT_UNDERSTOOD)
                    : new Turn(typed, d.text(), d.answer());
        }
        if (ScenarioIndex.SMALL_TALK.equals(content)) {
            return new Turn(typed, Heard.SMALL_TALK_TEXT, CallerReplies.reply(s, c, variantId, Heard.smallTalk(typed, 0)));
        }
        if (content != null && content.startsWith("unclear:")) {
            String[] ids = content.substring("unclear:".length()).split(",", 2);
            List<ScenarioIndex.Item> items = ScenarioIndex.items(s, c);
            Optional<ScenarioIndex.Item> a = items.stream().filter(i -> i.id().equals(ids[0])).findFirst();
            Optional<ScenarioIndex.Item> b = ids.length < 2 ? Optional.empty()
                    : items.stream().filter(i -> i.id().equals(ids[1])).findFirst();
            if (a.isPresent() && b.isPresent()) {
                Heard h = Heard.none(typed, 0, List.of(candidate(a.get()), candidate(b.get())));
                return new Turn(typed, "unclear: \u201C" + a.get().text() + "\u201D or \u201C" + b.get().text() + "\u201D",
                        CallerReplies.reply(s, c, variantId, h));
            }
        }
        return new Turn(typed, HEARD_NOTHING, CallerReplies.NOT_UNDERSTOOD);
    }

    private static Heard.Candidate candidate(ScenarioIndex.Item i) {
        return new Heard.Candidate(i.kind(), i.id(), i.text(), 0);
    }

    private static Heard heard(Heard.Kind kind, String id, String text) {
        return new Heard("", kind, id, text, 1, List.of());
    }
}
