package uk.carenav.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The readable score card counts questions in English: "after 1 question", "after 3 questions". */
class ScoreCardTextTest {

    @Test
    void oneQuestionIsSingular() {
        assertThat(ScoreCardText.text(card(1))).contains("(emergency-999, after 1 question, 40 s)");
        assertThat(ScoreCardText.text(card(3))).contains("(emergency-999, after 3 questions, 40 s)");
    }

    private static ScoreCard card(int questions) {
        return new ScoreCard("s", 1, "v", List.of(), RoutingGrade.CORRECT, "emergency-999", 40.0, questions, null,
                10, 10, 100.0, ComplianceBand.HIGH_COMPLIANCE, true, false, List.of());
    }
}
