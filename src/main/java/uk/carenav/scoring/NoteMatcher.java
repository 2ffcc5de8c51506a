package uk.carenav.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    private final List<String> noteStems = new ArrayList<>();
    private final List<String> words = new ArrayList<>();
    private int[] clauses = new int[32];

    NoteMatcher(String note) {
        String text = note == null ? "" : note.toLowerCase(Locale.ROOT);
        int clause = 0;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            boolean word = Character.isLetterOrDigit(c) || c == '&';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String w = text.substring(start, i);
                if (isClauseWord(w)) {
                    clause++;
                }
                add(w, clause);
                start = -1;
            }
            int negativeEnd = word ? -1 : shortNegative(text, i);
            if (negativeEnd > 0) {
                // "-ve" / "- ve": read as the word "negative"; carry on after it.
                add("negative", clause);
                i = negativeEnd;
                continue;
            }
            if (!word && endsClause(text, i)) {
                clause++;
            }
        }
    }

    /** "but", "however", "although", "though", "except" (a switch: this runs for every word of every note). */
    private static boolean isClauseWord(String w) {
        return switch (w.charAt(0)) {
            case 'b' -> w.equals("but");
            case 'h' -> w.equals("however");
            case 'a' -> w.equals("although");
            case 't' -> w.equals("though");
            case 'e' -> w.equals("except");
            default -> false;
        };
    }

    private void add(String word, int clause) {
        if (words.size() == clauses.length) {
            clauses = Arrays.copyOf(clauses, clauses.length * 2);
        }
        clauses[words.size()] = clause;
        words.add(word);
        noteStems.add(stem(word));
    }

    /** The index of the final 'e' of "-ve" or "- ve" (also with a minus sign) at {@code i}, or -1. */
    private static int shortNegative(String text, int i) {
        if (i >= text.length() || (text.charAt(i) != '-' && text.charAt(i) != '\u2212')) {
            return -1;
        }
        if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
            return -1;
        }
        int j = i + 1;
        if (j < text.length() && text.charAt(j) == ' ') {
            j++;
        }
        boolean ve = j + 1 < text.length() && (text.charAt(j) == 'v' || text.charAt(j) == 'V')
                && (text.charAt(j + 1) == 'e' || text.charAt(j + 1) == 'E')
                && (j + 2 == text.length() || !Character.isLetterOrDigit(text.charAt(j + 2)));
        return ve ? j + 1 : -1;
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
        int clause = clauses[from];
        for (int k = from - 1; k >= 0 && k >= from - WINDOW && clauses[k] == clause; k--) {
            if (BEFORE.contains(words.get(k))) {
                boolean doubt = k + 1 < words.size() && DOUBT.contains(words.get(k + 1)) && words.get(k).equals("not");
                if (!doubt) {
                    return true;
                }
            }
        }
        for (int k = to; k < words.size() && k < to + 2 && clauses[k] == clause; k++) {
            String w = words.get(k);
            boolean lastOfClause = k + 1 == words.size() || clauses[k + 1] != clause;
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
