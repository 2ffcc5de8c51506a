package uk.carenav.conversation;

import java.util.List;
import java.util.Locale;

/**
 * How one utterance was heard: the item it matched (or none), the confidence, and when two items were too
 * close to tell apart, both of them, so the caller can ask which was meant.
 */
public record Heard(String utterance, Kind kind, String itemId, String itemText, double score, List<Candidate> unclear) {

    /** What an utterance can be heard as. Codes are the words of the {@code match} command's JSON. */
    public enum Kind {
        QUESTION, STATEMENT, DISTRACTOR, SAFETY_NET, NONE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One item the utterance came close to. */
    public record Candidate(Kind kind, String itemId, String itemText, double score) {
    }

    public boolean matched() {
        return kind != Kind.NONE;
    }

    /** Nothing matched well enough, but two items came close: the caller asks which one was meant. */
    public boolean isUnclear() {
        return kind == Kind.NONE && !unclear.isEmpty();
    }

    public static Heard none(String utterance, double score, List<Candidate> unclear) {
        return new Heard(utterance, Kind.NONE, null, null, score, List.copyOf(unclear));
    }

    /** Phone small talk ("bear with me"): nothing the call scores, and nothing the caller needs to ask about. */
    public static Heard smallTalk(String utterance, double score) {
        return new Heard(utterance, Kind.NONE, null, SMALL_TALK_TEXT, score, List.of());
    }

    public static final String SMALL_TALK_TEXT = "small talk";

    public boolean isSmallTalk() {
        return kind == Kind.NONE && SMALL_TALK_TEXT.equals(itemText);
    }
}
