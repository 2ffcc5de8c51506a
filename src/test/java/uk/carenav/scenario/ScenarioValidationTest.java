package uk.carenav.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioValidationTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken-scenarios");

    @Test
    void everyShippedScenarioIsValid() {
        LibraryLoader.Result result = LibraryLoader.loadDirectory(Path.of("scenarios"));
        assertThat(result.allProblems()).as("problems in the shipped library").isEmpty();
        assertThat(result.scenarios()).hasSize(result.filesRead()).isNotEmpty();
    }

    @Test
    void thePackagedLibraryIsTheShippedOne() {
        LibraryLoader.Result folder = LibraryLoader.loadDirectory(Path.of("scenarios"));
        LibraryLoader.Result packaged = LibraryLoader.loadPackaged();
        assertThat(packaged.allProblems()).isEmpty();
        assertThat(packaged.scenarios()).extracting(Scenario::reference)
                .containsExactlyInAnyOrderElementsOf(folder.scenarios().stream().map(Scenario::reference).toList());
    }

    static Stream<Path> brokenFixtures() throws IOException {
        return Files.walk(BROKEN).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    /** Each fixture lists the problems it must produce as "# expect: line:column: message" comments. */
    @ParameterizedTest
    @MethodSource("brokenFixtures")
    void eachBrokenFixtureGivesTheExpectedMessagesAtTheExpectedLines(Path fixture) throws IOException {
        List<String> expected = Files.readAllLines(fixture).stream().filter(l -> l.startsWith("# expect: "))
                .map(l -> l.substring("# expect: ".length())).toList();
        assertThat(expected).as("fixture without expectations").isNotEmpty();

        LibraryLoader.Result result = LibraryLoader.loadFiles(List.of(fixture));
        List<String> actual = result.allProblems().stream()
                .map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result.scenarios()).isEmpty();
    }

    @Test
    void aYamlAliasBombIsRefusedQuickly() {
        String bomb = """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                """;
        assertThat(problems(bomb.getBytes(StandardCharsets.UTF_8)))
                .singleElement().asString().startsWith("bomb.yaml:1:").contains("not allowed");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "id: x\nnested: " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertThat(problems(deep.getBytes(StandardCharsets.UTF_8))).singleElement().asString()
                .satisfiesAnyOf(s -> assertThat(s).contains("nested more than 20 levels"),
                        s -> assertThat(s).contains("nesting"));
    }

    @Test
    void aHugeFileIsRefusedWithoutParsing() {
        byte[] huge = ("title: " + "x".repeat(600 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(problems(huge)).singleElement().asString().isEqualTo("bomb.yaml:1:1: the file is larger than 512 KB, the limit for one file");
    }

    @Test
    void binaryContentIsRefused() {
        byte[] binary = {'i', 'd', ':', ' ', 'x', '\n', 0, 1, 2, 3, (byte) 0x89, 'P', 'N', 'G'};
        assertThat(problems(binary)).singleElement().asString()
                .isIn("bomb.yaml:2:1: the file contains binary data (a NUL character), not YAML text",
                        "bomb.yaml:2:5: the file is not UTF-8 text; save it as UTF-8 (byte 11 is not valid UTF-8)");
    }

    @Test
    void textInAnotherEncodingIsRefusedNamingTheLine() {
        // "Café" in Latin-1 on line 2.
        byte[] latin1 = "id: x\ntitle: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problems(latin1)).singleElement().asString()
                .isEqualTo("bomb.yaml:2:11: the file is not UTF-8 text; save it as UTF-8 (byte 17 is not valid UTF-8)");
    }

    @Test
    void emptyFilesAndListsAreRefused() {
        assertThat(problems(new byte[0])).singleElement().asString().isEqualTo("bomb.yaml:1:1: the file is empty");
        assertThat(problems("- a\n- b\n".getBytes(StandardCharsets.UTF_8))).singleElement().asString()
                .contains("the scenario should be a set of fields (name: value), but is a list");
    }

    @Test
    void validateCommandExitsZeroWithASummaryOnTheShippedLibrary() {
        Output out = run("scenarios");
        assertThat(out.code).isZero();
        assertThat(out.stdout).contains("scenario files are valid", "Catalogue:");
        assertThat(out.stderr).isEmpty();
    }

    @Test
    void validateCommandListsEveryErrorAsPathLineColumn() {
        Output out = run(BROKEN.toString());
        assertThat(out.code).isEqualTo(1);
        List<String> lines = out.stderr.lines().toList();
        assertThat(lines.subList(0, lines.size() - 1))
                .allMatch(l -> l.matches("src/test/resources/broken-scenarios/library/[a-z-]+/[a-z-]+\\.yaml:\\d+:\\d+: .+"));
        assertThat(lines.get(lines.size() - 1)).matches("\\d+ problems in 21 files; 0 of 21 scenario files are valid");
    }

    @Test
    void validateCommandChecksSingleFilesAgainstTheirLibrary() {
        Output ok = run("scenarios/library/emergency-red-flags/chest-pain-gardening.yaml");
        assertThat(ok.code).isZero();
        assertThat(ok.stdout).startsWith("All 1 scenario files are valid");
    }

    @Test
    void validateCommandUsageErrorsExitTwo() {
        assertThat(run("--strict").code).isEqualTo(2);
        Output missing = run("no-such-folder/x.yaml");
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.stderr).contains("no-such-folder/x.yaml does not exist");
    }

    @Test
    void anExternalFolderWithoutItsOwnCatalogueUsesThePackagedOne(@TempDir Path dir) throws IOException {
        Path lib = dir.resolve("library/emergency-red-flags");
        Files.createDirectories(lib);
        Files.copy(Path.of("scenarios/library/emergency-red-flags/chest-pain-gardening.yaml"),
                lib.resolve("chest-pain-gardening.yaml"));
        LibraryLoader.Result result = LibraryLoader.loadDirectory(dir);
        assertThat(result.allProblems()).isEmpty();
        assertThat(result.scenarios()).extracting(Scenario::id).containsExactly("chest-pain-gardening");
    }

    private static List<String> problems(byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        Catalogue catalogue = LibraryLoader.loadPackaged().catalogue();
        new ScenarioReader(catalogue).read(new SourceFile("bomb.yaml", bytes), problems);
        return problems.stream().map(Problem::toString).toList();
    }

    private record Output(int code, String stdout, String stderr) {
    }

    private static Output run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = ValidateCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aKeptCopyWrittenUnderLooserRulesStillReadsSoPastCallsStayReadable() throws IOException {
        // Version 1 of the earache scenario listed the community pharmacy as acceptable for an eligible child,
        // which the library now refuses (slower than the variant needs). Calls taken on it must still open.
        String now = Files.readString(Path.of("scenarios/library/pharmacy-first/earache-toddler.yaml"));
        String v1 = now.replaceFirst("\nversion: \\d+\n", "\nversion: 1\n")
                .replaceFirst("    over_triage: \\[same-day-urgent, nhs-111, emergency-999\\]\n    under_triage: \\[routine-gp, "
                        + "community-pharmacy, self-care\\]", "    acceptable: [community-pharmacy]\n    over_triage: "
                        + "[same-day-urgent, routine-gp, nhs-111, emergency-999]\n    under_triage: [self-care]");
        assertThat(v1).contains("    acceptable: [community-pharmacy]\n");
        List<Problem> problems = new ArrayList<>();
        assertThat(new ScenarioReader(LibraryLoader.loadPackaged().catalogue()).read(
                new SourceFile("earache-toddler v1", v1.getBytes(StandardCharsets.UTF_8)), problems))
                .as("the library refuses it for new calls").isEmpty();
        assertThat(problems).extracting(Problem::message).anyMatch(m -> m.contains("slower than 'eligible' needs"));

        ScenarioLibrary library = new ScenarioLibrary("", Clock.systemUTC(), event -> { });
        Scenario kept = library.readKept("earache-toddler", 1, v1);
        assertThat(kept.version()).isEqualTo(1);
        assertThat(kept.expected().get("eligible").acceptable()).containsExactly("community-pharmacy");
    }

    @Test
    void anInHoursScenarioCannotSend111AndEveryScenarioSaysWhenTheCallComesIn() throws IOException {
        String now = Files.readString(Path.of("scenarios/library/emergency-red-flags/head-injury-blood-thinner.yaml"));
        String with111 = now.replace("    correct: [self-care]\n", "    correct: [self-care]\n    acceptable: [nhs-111]\n");
        assertThat(with111).isNotEqualTo(now).contains("time_of_call: in-hours\n");
        List<Problem> problems = read(with111);
        assertThat(problems).extracting(Problem::message).singleElement().asString()
                .startsWith("route 'nhs-111' is for when the practice is closed, but this call comes in hours")
                .contains("cannot be acceptable for 'no-thinner-minor'");

        assertThat(read(with111.replace("time_of_call: in-hours\n", "time_of_call: out-of-hours\n"))).isEmpty();
        assertThat(read(now.replace("time_of_call: in-hours\n", "time_of_call: weekend\n")))
                .extracting(Problem::message).containsExactly("time_of_call 'weekend' is not one of: in-hours, out-of-hours");
        assertThat(read(now.replace("time_of_call: in-hours\n", ""))).extracting(Problem::message)
                .anyMatch(m -> m.contains("time_of_call"));

        // A kept copy written before the field existed still reads, as in hours.
        ScenarioLibrary library = new ScenarioLibrary("", Clock.systemUTC(), event -> { });
        Scenario kept = library.readKept("head-injury-blood-thinner", 1, now.replace("time_of_call: in-hours\n", ""));
        assertThat(kept.timeOfCall()).isEqualTo(Scenario.TimeOfCall.IN_HOURS);
    }

    private static List<Problem> read(String text) {
        List<Problem> problems = new ArrayList<>();
        new ScenarioReader(LibraryLoader.loadPackaged().catalogue())
                .read(new SourceFile("head-injury.yaml", text.getBytes(StandardCharsets.UTF_8)), problems);
        return problems;
    }
}
