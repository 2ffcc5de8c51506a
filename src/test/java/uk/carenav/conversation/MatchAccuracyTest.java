package uk.carenav.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import uk.carenav.scenario.LibraryLoader;

/**
 * Runs the labelled utterances (at least 600, written the way receptionists type, over 20+ scenarios of every
 * category) through the real matcher and prints the accuracy figures. The floors below are the figures
 * reached when the matcher was last tuned, less a little: a change that makes the matcher hear worse fails here.
 */
class MatchAccuracyTest {

    @Test
    void theLabelledSetCoversEnoughScenariosOfEveryCategory() throws IOException {
        var rows = MatchAccuracy.rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(600);
        assertThat(rows.stream().map(MatchAccuracy.Row::scenario).distinct().count()).isGreaterThanOrEqualTo(20);
        var library = LibraryLoader.loadDirectory(Path.of("scenarios"));
        var categories = library.scenarios().stream().map(s -> s.category()).distinct().toList();
        for (String category : categories) {
            assertThat(rows).as("utterances for " + category).anyMatch(r -> r.scenario().contains("/" + category + "/"));
        }
        assertThat(rows).extracting(MatchAccuracy.Row::kind).contains("question", "statement", "distractor", "safety_net", "none");
        for (var r : rows) {
            assertThat(Files.isRegularFile(Path.of(r.scenario()))).as(MatchAccuracy.LABELLED + ":" + r.line()).isTrue();
        }
    }

    @Test
    void printsTheFiguresAndHearsAtLeastAsWellAsWhenTuned() throws IOException {
        MatchAccuracy.Figures f = MatchAccuracy.run();
        System.out.println(f.report());
        assertThat(f.top1()).as("top-1 accuracy on in-scope utterances").isGreaterThanOrEqualTo(95.0);
        assertThat(f.falseAcceptRate()).as("out-of-scope utterances heard as something").isLessThanOrEqualTo(5.0);
        assertThat(f.wrongItem()).as("in-scope utterances heard as another item").isLessThanOrEqualTo(10);
    }
}
