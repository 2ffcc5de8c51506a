package uk.carenav.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code match} command as authors and outside checks use it: its output, and its exit codes. */
class MatchCommandTest {

    private static final String CHEST_PAIN = "scenarios/library/emergency-red-flags/chest-pain-gardening.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void printsOneJsonObjectPerUtteranceInOrder() throws IOException {
        Output out = run(CHEST_PAIN, "--json", "any chest pain going down your arm?", "lovely weather we're having",
                "it's probably just indigestion", "if it gets worse ring 999", "what do you do for a living?");
        assertThat(out.code).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.stdout.strip().split("\\R")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(5);
        assertThat(lines).extracting(l -> l.get("utterance").asText()).containsExactly("any chest pain going down your arm?",
                "lovely weather we're having", "it's probably just indigestion", "if it gets worse ring 999",
                "what do you do for a living?");
        assertThat(lines.get(0).get("kind").asText()).isEqualTo("question");
        assertThat(lines.get(0).get("match").asText()).isEqualTo("q-spread");
        assertThat(lines.get(0).get("score").asDouble()).isBetween(ScenarioIndex.ACCEPT, 1.0);
        assertThat(lines.get(1).get("kind").asText()).isEqualTo("none");
        assertThat(lines.get(1).get("match").isNull()).isTrue();
        assertThat(lines.get(1).get("reply").asText()).isEqualTo(CallerReplies.NOT_UNDERSTOOD);
        assertThat(lines.get(2).get("kind").asText()).isEqualTo("statement");
        assertThat(lines.get(2).get("match").asText()).isEqualTo("s-indigestion");
        assertThat(lines.get(3).get("kind").asText()).isEqualTo("safety_net");
        assertThat(lines.get(3).get("match").asText()).isEqualTo("call-999-if");
        assertThat(lines.get(4).get("kind").asText()).isEqualTo("distractor");
        assertThat(lines.get(4).get("match").asText()).isEqualTo("d-job");
    }

    @Test
    void theCallerAnswersAsTheChosenVariant() throws IOException {
        JsonNode crushing = JSON.readTree(run(CHEST_PAIN, "--json", "--variant", "crushing", "where is the pain?").stdout);
        JsonNode muscular = JSON.readTree(run(CHEST_PAIN, "--json", "--variant", "muscular", "where is the pain?").stdout);
        assertThat(crushing.get("match").asText()).isEqualTo("q-where");
        assertThat(crushing.get("reply").asText()).contains("middle of my chest");
        assertThat(muscular.get("reply").asText()).contains("over a rib");
    }

    @Test
    void printsReadableTextWithoutJson() {
        Output out = run(CHEST_PAIN, "any chest pain going down your arm?", "blah blah");
        assertThat(out.code).isZero();
        assertThat(out.stdout).contains("\"any chest pain going down your arm?\"\n  heard as: question q-spread - ")
                .contains("\"blah blah\"\n  heard as: nothing");
    }

    @Test
    void aScenarioFileThatIsNotValidExitsOneWithFileAndLine() throws IOException {
        Path bad = dir.resolve("chest-pain-gardening.yaml");
        Files.writeString(bad, Files.readString(Path.of(CHEST_PAIN)).replace("topic: The problem\n    text: Where exactly",
                "topic: The problem\n    txet: Where exactly"), StandardCharsets.UTF_8);
        Output out = run(bad.toString(), "any chest pain?");
        assertThat(out.code).isEqualTo(1);
        assertThat(out.stderr).containsPattern("chest-pain-gardening\\.yaml:\\d+:\\d+: unknown field 'txet'");
    }

    @Test
    void wrongUsageExitsTwo() {
        assertThat(run().code).isEqualTo(2);
        assertThat(run(CHEST_PAIN).stderr).contains("give at least one utterance");
        assertThat(run(CHEST_PAIN, "--jsn", "hello").code).isEqualTo(2);
        assertThat(run("no-such-file.yaml", "hello").code).isEqualTo(2);
        Output variant = run(CHEST_PAIN, "--variant", "nope", "hello");
        assertThat(variant.code).isEqualTo(2);
        assertThat(variant.stderr).contains("no variant 'nope'").contains("crushing, muscular");
        assertThat(run(CHEST_PAIN, "--variant").code).isEqualTo(2);
        assertThat(run("--help").code).isZero();
    }

    private record Output(int code, String stdout, String stderr) {
    }

    private static Output run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MatchCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
