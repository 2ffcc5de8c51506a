package uk.carenav.scoring;

import static org.assertj.core.api.Assertions.assertThat;

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
}
