package uk.carenav.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Shift definitions are checked like scenarios: every problem at its file, line and column, by `validate` too. */
class ShiftValidationTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken-shifts/shifts");

    @Test
    void theShippedShiftsAreValidAndNameShippedScenarios() {
        LibraryLoader.Result result = LibraryLoader.loadDirectory(Path.of("scenarios"));
        assertThat(result.allProblems()).isEmpty();
        assertThat(result.shifts()).extracting(ShiftDefinition::id).contains("8am-rush", "opening-minutes");
        assertThat(result.shiftFilesRead()).isEqualTo(result.shifts().size());
        ShiftDefinition rush = result.shifts().stream().filter(d -> d.id().equals("8am-rush")).findFirst().orElseThrow();
        assertThat(rush.minutes()).isEqualTo(15);
        assertThat(rush.pools()).anyMatch(ShiftDefinition.Pool::redFlag);
        assertThat(LibraryLoader.loadPackaged().shifts()).extracting(ShiftDefinition::reference)
                .containsExactlyInAnyOrderElementsOf(result.shifts().stream().map(ShiftDefinition::reference).toList());
    }

    static Stream<Path> brokenShifts() throws IOException {
        return Files.list(BROKEN).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    /** Each fixture ends with the problems it must produce as "# expect: line:column: message" comments. */
    @ParameterizedTest
    @MethodSource("brokenShifts")
    void eachBrokenShiftGivesTheExpectedMessagesAtTheExpectedLines(Path fixture) throws IOException {
        List<String> expected = Files.readAllLines(fixture).stream().filter(l -> l.startsWith("# expect: "))
                .map(l -> l.substring("# expect: ".length())).toList();
        assertThat(expected).as("fixture without expectations").isNotEmpty();
        LibraryLoader.Result result = LibraryLoader.loadFiles(List.of(fixture));
        assertThat(result.allProblems()).allMatch(p -> p.file().equals(LibraryLoader.display(fixture)));
        assertThat(result.allProblems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result.shifts()).isEmpty();
    }

    @Test
    void validateNamesTheFileAndLineOfEachProblemAndExitsOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ValidateCommand.run(List.of(BROKEN.resolve("no-red-flag.yaml").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "src/test/resources/broken-shifts/shifts/no-red-flag.yaml:15:1: no pool has red_flag: true",
                "0 of 1 shift files are valid");
    }

    @Test
    void validateListsTheShiftsOfAValidLibrary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ValidateCommand.run(List.of("scenarios"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Shifts: 2 valid (8am-rush: 15 min, 9 callers; "
                + "opening-minutes: 8 min, 4 callers).");
    }

    @Test
    void aKeptWaitingVariantMustBecomeAnotherVariant() {
        LibraryLoader.Result shipped = LibraryLoader.loadDirectory(Path.of("scenarios"));
        Scenario stroke = shipped.scenarios().stream().filter(s -> s.id().equals("stroke-father-fast")).findFirst()
                .orElseThrow();
        Scenario.IfKeptWaiting w = stroke.variant("tia-passed").orElseThrow().ifKeptWaiting();
        assertThat(w.seconds()).isEqualTo(180);
        assertThat(w.becomes()).isEqualTo("tia-then-recurs");
        assertThat(w.opening()).contains("while I've been waiting");

        String text = new String(shipped.source("stroke-father-fast").bytes(), StandardCharsets.UTF_8)
                .replace("becomes: tia-then-recurs", "becomes: tia-passed");
        List<Problem> problems = new ArrayList<>();
        new ScenarioReader(shipped.catalogue()).read(new SourceFile("stroke.yaml", text.getBytes(StandardCharsets.UTF_8)),
                problems);
        assertThat(problems).extracting(Problem::message).anyMatch(m -> m.startsWith(
                "if_kept_waiting of variant 'tia-passed' becomes 'tia-passed', which is not one of the other variants"));
    }
}
