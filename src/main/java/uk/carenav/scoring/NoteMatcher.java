package uk.carenav.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds key facts in a free-text note, the way an auditor skims it: case does not matter, punctuation
 * does not matter, and simple word forms match (pain, pains; vomit, vomiting, vomited; radiate,
 * radiating). Deterministic, no dictionary, no network. It does not understand negation: "no chest
 * pain" contains "chest pain".
 */
final class NoteMatcher {

    private final List<String> noteStems;

    NoteMatcher(String note) {
        this.noteStems = stems(note == null ? "" : note);
    }

    /** True when the phrase, word by word, appears in the note. */
    boolean contains(String phrase) {
        return containsStems(stems(phrase));
    }

    /** As {@link #contains}, for a phrase already split into stems. */
    boolean containsStems(List<String> wanted) {
        if (wanted.isEmpty()) {
            return false;
        }
        outer:
        for (int i = 0; i + wanted.size() <= noteStems.size(); i++) {
            for (int j = 0; j < wanted.size(); j++) {
                if (!noteStems.get(i + j).equals(wanted.get(j))) {
                    continue outer;
                }
            }
            return true;
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
