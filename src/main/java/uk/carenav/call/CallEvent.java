package uk.carenav.call;

import java.time.Instant;
import uk.carenav.scenario.CallAction;

/**
 * One saved step of a call. {@code kind} is ask, say, route, safety_net, note, confidence, utterance or end;
 * {@code content} the id, text or number it carries. In a conversational call, {@code utterance} is what the
 * trainee typed, and the kind and content say how it was heard; an utterance heard as nothing the scenario
 * scores is kind {@code utterance}, with content null (nothing matched), {@code unclear:ID,ID} (too close to
 * tell apart), {@code small-talk} ("bear with me") or {@code distractor:ID} (a question of the distractor bank this scenario does not list).
 */
public record CallEvent(int seq, double atSeconds, String kind, String content, Instant recordedAt, String utterance) {

    public static final String UTTERANCE = "utterance";

    /** The step as a transcript action, or null for "end". */
    public CallAction toAction() {
        return switch (kind) {
            case "ask" -> new CallAction.Ask(content, atSeconds);
            case "say" -> new CallAction.Say(content, atSeconds);
            case "route" -> new CallAction.ChooseRoute(content, atSeconds);
            case "safety_net" -> new CallAction.SafetyNet(content, atSeconds);
            case "note" -> new CallAction.WriteNote(content, atSeconds);
            case "confidence" -> new CallAction.RateConfidence(Integer.parseInt(content), atSeconds);
            default -> null;
        };
    }
}
