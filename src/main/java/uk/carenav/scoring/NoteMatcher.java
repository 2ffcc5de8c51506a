package uk.carenav.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds key facts in a free-text note, the way an auditor skims it: case does not matter, punctuation
 * does not matter, and simple word forms match (pain, pains; vomit, vomiting, vomited; radiate,
 * radiating). Deterministic, no dictionary, no network.
 *
 * <p>It understands negation in the plain forms navigators write, within one clause (clauses end at
 * . ; , ! ? brackets, a spaced dash, a new line, and the words "but", "however", "although", "though",
 * "except"): a mention is negated when, at most {@value #WINDOW} words before it in the same clause,
 * comes "not", "no", "nil", "none", "never", "without", "denies", "denied", "negative (for)", "nor",
 * or a "-n't" form (hasn't, isn't, doesn't, didn't, wasn't, haven't, aren't, don't); or when right
 * after it comes "negative", "-ve", "absent" or "denied", or a closing "no", "none", "nil" or "not"
 * ("Pregnant: no"). "Not sure", "not certain" and "not known" are doubt, not negation. Words inside
 * the fact itself are not cues, so facts that are negative by design ("no red flags", "not
 * eligible") match as written.
 */
final class NoteMatcher {

    /** What the note says about a fact. */
    enum Mention { FOUND, NEGATED, ABSENT }

    static final int WINDOW = 5;
    private static final Set<String> BEFORE = Set.of("not", "no", "nil", "none", "never", "without", "denies", "denied",
            "deny", "denying", "negative", "nor", "neither", "hasn", "hasnt", "isn", "isnt", "doesn", "doesnt", "didn",
            "didnt", "wasn", "wasnt", "haven", "havent", "aren", "arent", "don", "dont", "hadn", "hadnt", "weren", "werent");
    private static final Set<String> DOUBT = Set.of("sure", "certain", "known", "clear");
    private static final Set<String> AFTER = Set.of("negative", "absent", "denied", "denies");
    private static final Set<String> AFTER_AT_END = Set.of("no", "none", "nil", "not");
    private static final Set<String> CLAUSE_WORDS = Set.of("but", "however", "although", "though", "except");
    private static final Pattern NEGATIVE_SHORT = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])[-\u2212]\\s?ve(?![\\p{L}\\p{N}])");

    private final List<String> noteStems = new ArrayList<>();
    private final List<String> words = new ArrayList<>();
    private final List<Integer> clauses = new ArrayList<>();

    NoteMatcher(String note) {
        String text = NEGATIVE_SHORT.matcher(note == null ? "" : note).replaceAll(" negative ");
        int clause = 0;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            boolean word = Character.isLetterOrDigit(c) || c == '&';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String w = text.substring(start, i).toLowerCase(Locale.ROOT);
                if (CLAUSE_WORDS.contains(w)) {
                    clause++;
                }
                words.add(w);
                noteStems.add(stem(w));
                clauses.add(clause);
                start = -1;
            }
            if (!word && endsClause(text, i)) {
                clause++;
            }
        }
    }

    private static boolean endsClause(String text, int i) {
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        switch (c) {
            case ';', ',', '!', '?', '(', ')', '[', ']', '\n', '\u2013', '\u2014' -> {
                return true;
            }
            case '.' -> {
                // "38.2" is one number, not two clauses.
                boolean digitBefore = i > 0 && Character.isDigit(text.charAt(i - 1));
                boolean digitAfter = i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
                return !(digitBefore && digitAfter);
            }
            case '-' -> {
                return i > 0 && i + 1 < text.length() && text.charAt(i - 1) == ' ' && text.charAt(i + 1) == ' ';
            }
            default -> {
                return false;
            }
        }
    }

    /** True when the phrase, word by word, appears in the note (negated or not). */
    boolean contains(String phrase) {
        return mention(stems(phrase)) != Mention.ABSENT;
    }

    /** As {@link #contains}, for a phrase already split into stems. */
    boolean containsStems(List<String> wanted) {
        return mention(wanted) != Mention.ABSENT;
    }

    /** FOUND when some mention of the phrase is not negated; NEGATED when every mention is; else ABSENT. */
    Mention mention(List<String> wanted) {
        if (wanted.isEmpty()) {
            return Mention.ABSENT;
        }
        Mention result = Mention.ABSENT;
        outer:
        for (int i = 0; i + wanted.size() <= noteStems.size(); i++) {
            for (int j = 0; j < wanted.size(); j++) {
                if (!noteStems.get(i + j).equals(wanted.get(j))) {
                    continue outer;
                }
            }
            if (!negated(i, i + wanted.size())) {
                return Mention.FOUND;
            }
            result = Mention.NEGATED;
        }
        return result;
    }

    /** Whether the mention at words [from, to) is negated within its clause. */
    private boolean negated(int from, int to) {
        int clause = clauses.get(from);
        for (int k = from - 1; k >= 0 && k >= from - WINDOW && clauses.get(k) == clause; k--) {
            if (BEFORE.contains(words.get(k))) {
                boolean doubt = k + 1 < words.size() && DOUBT.contains(words.get(k + 1)) && words.get(k).equals("not");
                if (!doubt) {
                    return true;
                }
            }
        }
        for (int k = to; k < words.size() && k < to + 2 && clauses.get(k) == clause; k++) {
            String w = words.get(k);
            boolean lastOfClause = k + 1 == words.size() || clauses.get(k + 1) != clause;
            if (AFTER.contains(w) || (lastOfClause && AFTER_AT_END.contains(w))) {
                return true;
            }
        }
        return false;
    }

    /** The stems of the words of {@code text}: letters, digits and '&' make words; the rest separates them. */
    static List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean word = i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '&');
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(stem(text.substring(start, i).toLowerCase(Locale.ROOT)));
                start = -1;
            }
        }
        return out;
    }

    /** Strips the common English endings so that forms of one word compare equal. */
    static String stem(String word) {
        String w = word;
        if (w.length() > 4 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 3 && w.endsWith("ied")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 3 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 3 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("es") && !w.endsWith("ses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 3 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        // Doubled final consonant after stripping: "stopped" -> "stopp" -> "stop".
        if (w.length() > 3 && w.charAt(w.length() - 1) == w.charAt(w.length() - 2)
                && "bdfgmnprt".indexOf(w.charAt(w.length() - 1)) >= 0 && !w.equals(word)) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }
}
