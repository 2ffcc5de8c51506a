package uk.carenav.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * The build's record of checked scenario files lets the application skip the slow checks for exactly the bytes
 * that passed them, and for nothing else.
 */
class BuildCheckTest {

    @TempDir
    static Path build;

    static Path library;
    static Set<String> record;

    @BeforeAll
    static void buildOnce() throws IOException {
        library = build.resolve(LibraryLoader.PACKAGED);
        FileSystemUtils.copyRecursively(Path.of("scenarios"), library);
        BuildCheck.main(new String[] {build.toString()});
        record = BuildCheck.keys(Files.readString(build.resolve(BuildCheck.RECORD)));
    }

    private static LibraryLoader.Result loadWithRecord() {
        return LibraryLoader.load(LibraryLoader.catalogueFrom(library.resolve("catalogue")), "catalogue",
                LibraryLoader.yamlFilesUnder(library.resolve("library")), List.of(), record);
    }

    @Test
    void everyValidFileOfTheLibraryIsRecordedAndSkippedAtLoad() throws IOException {
        long files;
        try (Stream<Path> walk = Files.walk(library.resolve("library"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertThat(record).hasSize((int) files);

        LibraryLoader.Result full = LibraryLoader.loadDirectory(library);
        LibraryLoader.Result quick = loadWithRecord();
        assertThat(full.checkedAtBuild()).isZero();
        assertThat(quick.checkedAtBuild()).isEqualTo((int) files);
        assertThat(quick.valid()).isTrue();
        assertThat(quick.scenarios()).extracting(Scenario::id).containsExactlyElementsOf(
                full.scenarios().stream().map(Scenario::id).toList());
    }

    @Test
    void aFileEditedAfterTheBuildIsCheckedInFull() throws IOException {
        Path file = library.resolve("library/self-referral/back-pain-physio.yaml");
        String before = Files.readString(file);
        try {
            // The model answer no longer asks about cauda equina: a reader cannot see that, only the model-answer check can.
            int at = before.indexOf("      - ask: q-cauda\n", before.indexOf("model_answer:"));
            Files.writeString(file, before.substring(0, at) + before.substring(at + "      - ask: q-cauda\n".length()));

            LibraryLoader.Result quick = loadWithRecord();

            assertThat(quick.checkedAtBuild()).isEqualTo(record.size() - 1);
            assertThat(quick.scenarios()).extracting(Scenario::id).doesNotContain("back-pain-physio");
            assertThat(quick.allProblems()).anySatisfy(p -> {
                assertThat(p.file()).endsWith("back-pain-physio.yaml");
                assertThat(p.message()).contains("model answer").contains("not a perfect call");
            });
        } finally {
            Files.writeString(file, before);
        }
    }

    @Test
    void aChangedCatalogueMeansEveryFileIsCheckedAgain() throws IOException {
        Path routes = library.resolve("catalogue").resolve(CatalogueReader.ROUTES);
        byte[] before = Files.readAllBytes(routes);
        try {
            Files.writeString(routes, "\n# a comment added after the build\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

            LibraryLoader.Result quick = loadWithRecord();

            assertThat(quick.checkedAtBuild()).isZero();
            assertThat(quick.scenarios()).hasSize(record.size());
        } finally {
            Files.write(routes, before);
        }
    }

    @Test
    void theApplicationCarriesTheRecordOfItsOwnLibrary() {
        // Written by the build (process-classes); without it every start would check the whole library again.
        Set<String> packaged = BuildCheck.packagedRecord();
        LibraryLoader.Result result = LibraryLoader.load(LibraryLoader.packagedCatalogue(), "catalogue",
                LibraryLoader.packagedScenarios(), List.of(), packaged);
        assertThat(result.checkedAtBuild()).isEqualTo(result.filesRead()).isPositive();
    }
}
