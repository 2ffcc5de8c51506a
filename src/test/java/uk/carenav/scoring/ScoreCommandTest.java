package uk.carenav.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {

    private static final String CHEST_PAIN = "scenarios/library/emergency-red-flags/chest-pain-gardening.yaml";

    @TempDir
    Path dir;

    @Test
    void printsTheScoreCardAsJson() throws IOException {
        Path t = write("""
                {"scenario": "chest-pain-gardening", "version": 5, "variant": "crushing", "actions": [
                  {"at": 4, "ask": "q-where"}, {"at": 31, "route": "routine-gp"},
                  {"at": 75, "note": "Chest pain, booked routine GP."}, {"at": 80, "confidence": 3}]}
                """);
        Output out = run(CHEST_PAIN, t.toString());
        assertThat(out.code).isZero();
        JsonNode card = new ObjectMapper().readTree(out.stdout);
        assertThat(card.get("band").asText()).isEqualTo("NON_COMPLIANT");
        assertThat(card.get("routingGrade").asText()).isEqualTo("UNDER_TRIAGE");
        assertThat(card.get("passed").asBoolean()).isFalse();
        assertThat(card.get("segments")).hasSize(5);
        assertThat(card.get("confidence").asInt()).isEqualTo(3);
    }

    @Test
    void printsReadableTextForATranscriptWhoseVariantIsGivenOnTheCommandLine() throws IOException {
        Path t = write("""
                {"scenario": "chest-pain-gardening", "version": 5,
                 "actions": [{"ask": "q-spread"}, {"ask": "q-breathless"}, {"route": "same-day-urgent"}]}
                """);
        Output out = run(CHEST_PAIN, t.toString(), "--variant", "muscular", "--text");
        assertThat(out.code).isZero();
        assertThat(out.stdout).startsWith("chest-pain-gardening v5, variant muscular\n")
                .contains("Routing: Correct (same-day-urgent, after 2 questions)")
                .contains("[MAJOR] When to call 999");
    }

    @Test
    void aVariantThatDisagreesWithTheTranscriptsOwnIsRefused() throws IOException {
        Path t = write("""
                {"scenario": "chest-pain-gardening", "version": 5, "variant": "crushing",
                 "actions": [{"ask": "q-spread"}, {"ask": "q-breathless"}, {"route": "routine-gp"}]}
                """);
        Output out = run(CHEST_PAIN, t.toString(), "--variant", "muscular", "--text");
        assertThat(out.code).isEqualTo(1);
        assertThat(out.stdout).isEmpty();
        assertThat(out.stderr).contains("the transcript is a call of variant 'crushing' but --variant asks for 'muscular'");
    }

    @Test
    void anInvalidTranscriptIsRefusedWithAClearMessage() throws IOException {
        Output badJson = run(CHEST_PAIN, write("{\"scenario\": \"chest-pain-gardening\",\n \"version\": }").toString());
        assertThat(badJson.code).isEqualTo(1);
        assertThat(badJson.stderr).contains("line 2, column").contains("not valid JSON");

        Output unknownQuestion = run(CHEST_PAIN, write("""
                {"scenario": "chest-pain-gardening", "version": 5, "variant": "crushing",
                 "actions": [{"ask": "q-where"}, {"ask": "q-shoe-size"}]}""").toString());
        assertThat(unknownQuestion.code).isEqualTo(1);
        assertThat(unknownQuestion.stderr).contains("action 2: question 'q-shoe-size' is not in the scenario");

        Output wrongVersion = run(CHEST_PAIN, write("""
                {"scenario": "chest-pain-gardening", "version": 7, "variant": "crushing", "actions": []}""").toString());
        assertThat(wrongVersion.code).isEqualTo(1);
        assertThat(wrongVersion.stderr).contains("version 7").contains("version 5");

        Output unknownVariant = run(CHEST_PAIN, write("""
                {"scenario": "chest-pain-gardening", "version": 5, "variant": "mild", "actions": []}""").toString());
        assertThat(unknownVariant.stderr).contains("variant 'mild' is not one of crushing, muscular");
    }

    @Test
    void anInvalidScenarioIsRefusedWithItsProblems() throws IOException {
        Path scenario = dir.resolve("bad.yaml");
        Files.writeString(scenario, "id: bad\nversion: x\n");
        Output out = run(scenario.toString(), write("{}").toString());
        assertThat(out.code).isEqualTo(1);
        assertThat(out.stderr).contains("the scenario is not valid").containsPattern("bad\\.yaml:2:10: ");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertThat(run(CHEST_PAIN).code).isEqualTo(2);
        assertThat(run(CHEST_PAIN, "missing.json").code).isEqualTo(2);
        assertThat(run(CHEST_PAIN, write("{}").toString(), "--colour").code).isEqualTo(2);
    }

    @Test
    void transcriptsRoundTripThroughJson() {
        var s = Library.scenario("chest-pain-gardening");
        Transcript model = Library.modelAnswer(s, "crushing");
        assertThat(TranscriptJson.read(TranscriptJson.write(model), null)).isEqualTo(model);
    }

    private Path write(String json) throws IOException {
        Path p = Files.createTempFile(dir, "transcript", ".json");
        Files.writeString(p, json);
        return p;
    }

    private record Output(int code, String stdout, String stderr) {
    }

    private static Output run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = ScoreCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
