package uk.carenav.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NoteMatcherTest {

    @Test
    void matchesWholePhrasesWhateverTheCaseAndPunctuation() {
        NoteMatcher note = new NoteMatcher("Central CHEST-PAIN for 40 min; advised 999.");
        assertThat(note.contains("chest pain")).isTrue();
        assertThat(note.contains("999")).isTrue();
        assertThat(note.contains("pain chest")).isFalse();
        assertThat(note.contains("left arm")).isFalse();
    }

    @Test
    void matchesSimpleWordForms() {
        NoteMatcher note = new NoteMatcher("Pains radiating to jaw, vomited twice, advised to call back");
        assertThat(note.contains("pain")).isTrue();
        assertThat(note.contains("radiates")).isTrue();
        assertThat(note.contains("radiate")).isTrue();
        assertThat(note.contains("vomiting")).isTrue();
        assertThat(note.contains("advise")).isTrue();
        assertThat(note.contains("calls back")).isTrue();
    }

    @Test
    void doesNotMatchPartsOfWords() {
        NoteMatcher note = new NoteMatcher("Sparmed the rash");
        assertThat(note.contains("arm")).isFalse();
        assertThat(new NoteMatcher("").contains("arm")).isFalse();
        assertThat(new NoteMatcher(null).contains("arm")).isFalse();
    }

    @Test
    void keepsAmpersandCodesTogether() {
        assertThat(new NoteMatcher("Sent to A&E by ambulance").contains("a&e")).isTrue();
    }

    private static NoteMatcher.Mention mention(String note, String fact) {
        return new NoteMatcher(note).mention(NoteMatcher.stems(fact));
    }

    @Test
    void aNegatedMentionIsNotAFinding() {
        for (String note : List.of("Not pregnant.", "no chest pain", "Denies chest pain today", "Never had chest pain",
                "She hasn't got chest pain", "Chest pain: nil", "Nil chest pain", "negative for chest pain", "chest pain -ve",
                "Chest pain: no", "chest pain denied", "without any chest pain", "no breathlessness or chest pain")) {
            String fact = note.toLowerCase(Locale.ROOT).contains("pregnant") ? "pregnant" : "chest pain";
            assertThat(mention(note, fact)).as(note).isEqualTo(NoteMatcher.Mention.NEGATED);
        }
    }

    @Test
    void negationStaysInsideItsClause() {
        assertThat(mention("No rash, chest pain since 9am", "chest pain")).isEqualTo(NoteMatcher.Mention.FOUND);
        assertThat(mention("Not floppy but has a rash", "rash")).isEqualTo(NoteMatcher.Mention.FOUND);
        assertThat(mention("no swelling (chest pain on movement)", "chest pain")).isEqualTo(NoteMatcher.Mention.FOUND);
        assertThat(mention("Temp 38.2 no rash", "38.2")).isEqualTo(NoteMatcher.Mention.FOUND);
        assertThat(mention("pregnant no bleeding", "pregnant")).as("a 'no' that starts the next finding")
                .isEqualTo(NoteMatcher.Mention.FOUND);
        assertThat(mention("no fever for a week now and then a dull ache in the chest", "ache"))
                .as("more than five words after the cue").isEqualTo(NoteMatcher.Mention.FOUND);
    }

    @Test
    void oneMentionThatIsNotNegatedIsEnough() {
        assertThat(mention("Not sure at first, now pregnant 16 weeks", "pregnant")).isEqualTo(NoteMatcher.Mention.FOUND);
        assertThat(mention("Not pregnant? Corrected: pregnant 16 weeks", "pregnant")).isEqualTo(NoteMatcher.Mention.FOUND);
        assertThat(mention("not sure if pregnant", "pregnant")).as("doubt is not negation").isEqualTo(NoteMatcher.Mention.FOUND);
    }

    @Test
    void factsThatAreNegativeByDesignMatchAsWritten() {
        assertThat(mention("No red flags found", "no red flags")).isEqualTo(NoteMatcher.Mention.FOUND);
        assertThat(mention("Recurrent, so not eligible for Pharmacy First", "not eligible")).isEqualTo(NoteMatcher.Mention.FOUND);
        assertThat(mention("Red flags negative", "red flags negative")).isEqualTo(NoteMatcher.Mention.FOUND);
        assertThat(mention("FAST negative", "FAST negative")).isEqualTo(NoteMatcher.Mention.FOUND);
        assertThat(mention("Eligible", "not eligible")).isEqualTo(NoteMatcher.Mention.ABSENT);
        assertThat(mention("not eligible", "eligible")).isEqualTo(NoteMatcher.Mention.NEGATED);
    }
}
