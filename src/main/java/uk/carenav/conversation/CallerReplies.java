package uk.carenav.conversation;

import java.util.Locale;
import java.util.Optional;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;

/** What the caller says back to what was heard, in character. */
public final class CallerReplies {

    public static final String NOT_UNDERSTOOD = "Sorry, what do you mean?";

    private CallerReplies() {
    }

    public static String reply(Scenario s, Catalogue c, String variantId, Heard heard) {
        return switch (heard.kind()) {
            case QUESTION, DISTRACTOR -> s.question(heard.itemId()).map(q -> q.answerFor(variantId))
                    .or(() -> Optional.ofNullable(c.distractors().get(heard.itemId())).map(Catalogue.Distractor::answer))
                    .orElse(NOT_UNDERSTOOD);
            case STATEMENT -> "Right. Okay.";
            case SAFETY_NET -> "Okay, I'll do that.";
            case NONE -> heard.isSmallTalk() ? "Okay." : heard.isUnclear()
                    ? "Sorry, do you mean " + asked(heard.unclear().get(0).itemText()) + ", or "
                            + asked(heard.unclear().get(1).itemText()) + "?"
                    : NOT_UNDERSTOOD;
        };
    }

    /** "Where exactly is the pain?" as "where exactly the pain is" would be too clever: quote it plainly. */
    private static String asked(String text) {
        String t = text.strip();
        while (t.endsWith("?") || t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return "\u2018" + (t.isEmpty() ? t : t.substring(0, 1).toLowerCase(Locale.ROOT) + t.substring(1)) + "\u2019";
    }
}
