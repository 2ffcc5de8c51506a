package uk.carenav.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads a scenario library: the catalogue, then every scenario file, checking each file on its own and
 * the library as a whole (unique ids, file in its category's folder). Invalid files are left out and
 * listed with their problems; valid ones load.
 */
public final class LibraryLoader {

    /** Where the library packaged in the jar lives on the class path. */
    public static final String PACKAGED = "scenarios";
    /** The folder of shift definitions, beside library/ and catalogue/. */
    public static final String SHIFTS = "shifts";
    static final int MAX_FILES = 10_000;
    private static final List<String> CATALOGUE_FILES = List.of(CatalogueReader.ROUTES, CatalogueReader.RED_FLAGS,
            CatalogueReader.SAFETY_NETTING, CatalogueReader.DISTRACTORS, CatalogueReader.COMPETENCIES, CatalogueReader.SYNONYMS,
            CatalogueReader.SMALL_TALK);

    private static final List<ScenarioCheck> CHECKS = ServiceLoader
            .load(ScenarioCheck.class, LibraryLoader.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get).toList();

    private LibraryLoader() {
    }

    /**
     * What a load found. {@code problems} are keyed by file path, in path order; {@code checkedAtBuild} counts the
     * files whose slow checks were not run again because the build had passed the same bytes ({@link BuildCheck}).
     */
    public record Result(Catalogue catalogue, List<Scenario> scenarios, Map<String, List<Problem>> problems,
            int filesRead, Map<String, SourceFile> sources, List<ShiftDefinition> shifts, int shiftFilesRead,
            int checkedAtBuild) {

        /** The file a valid scenario was read from, by scenario id. */
        public SourceFile source(String scenarioId) {
            return sources.get(scenarioId);
        }

        public boolean valid() {
            return problems.isEmpty();
        }

        public List<Problem> allProblems() {
            return problems.values().stream().flatMap(List::stream).sorted().toList();
        }
    }

    /** Loads {@code catalogueFiles} (by file name) and then {@code scenarioFiles}. */
    public static Result load(Map<String, SourceFile> catalogueFiles, String catalogueFolder,
            List<SourceFile> scenarioFiles) {
        return load(catalogueFiles, catalogueFolder, scenarioFiles, List.of());
    }

    /**
     * Loads {@code catalogueFiles} (by file name), then {@code scenarioFiles}, then {@code shiftFiles} (shift
     * definitions), each checked against the scenarios that loaded.
     */
    public static Result load(Map<String, SourceFile> catalogueFiles, String catalogueFolder,
            List<SourceFile> scenarioFiles, List<SourceFile> shiftFiles) {
        return load(catalogueFiles, catalogueFolder, scenarioFiles, shiftFiles, Set.of());
    }

    /**
     * As {@link #load(Map, String, List, List)}, but a scenario file whose key ({@link BuildCheck#key}) is in
     * {@code checkedAtBuild} is read and checked as part of the library without running the slow checks again.
     */
    public static Result load(Map<String, SourceFile> catalogueFiles, String catalogueFolder,
            List<SourceFile> scenarioFiles, List<SourceFile> shiftFiles, Set<String> checkedAtBuild) {
        String catalogueHash = checkedAtBuild.isEmpty() ? "" : BuildCheck.catalogueHash(catalogueFiles);
        int[] skipped = {0};
        List<Problem> catalogueProblems = new ArrayList<>();
        Catalogue catalogue = CatalogueReader.read(catalogueFiles, catalogueFolder, catalogueProblems);
        Map<String, List<Problem>> problems = new TreeMap<>();
        catalogueProblems.forEach(p -> problems.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(p));

        ScenarioReader reader = new ScenarioReader(catalogue);
        List<Scenario> scenarios = new ArrayList<>();
        Map<String, String> idToFile = new HashMap<>();
        Map<String, SourceFile> sources = new HashMap<>();
        List<SourceFile> sorted = scenarioFiles.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        for (SourceFile file : sorted) {
            List<Problem> fileProblems = new ArrayList<>();
            reader.read(file, fileProblems).ifPresent(s -> {
                String folder = parentName(file.path());
                if (folder != null && !folder.equals(s.category())) {
                    fileProblems.add(new Problem(file.path(), 1, 1, "the scenario's category is '" + s.category()
                            + "' but the file is in the folder '" + folder + "': move it to library/" + s.category() + "/"));
                }
                String expectedName = s.id() + ".yaml";
                if (!fileName(file.path()).equals(expectedName)) {
                    fileProblems.add(new Problem(file.path(), 1, 1, "the file should be named " + expectedName
                            + " after the scenario's id"));
                }
                String other = idToFile.putIfAbsent(s.id(), file.path());
                if (other != null) {
                    fileProblems.add(new Problem(file.path(), 1, 1, "scenario id '" + s.id() + "' is already used by " + other));
                }
                if (fileProblems.isEmpty()) {
                    if (!checkedAtBuild.isEmpty() && checkedAtBuild.contains(BuildCheck.key(catalogueHash, file.bytes()))) {
                        skipped[0]++;
                    } else {
                        CHECKS.forEach(check -> check.check(s, catalogue, fileProblems));
                    }
                }
                if (fileProblems.isEmpty()) {
                    scenarios.add(s);
                    sources.put(s.id(), file);
                }
            });
            if (!fileProblems.isEmpty()) {
                problems.computeIfAbsent(file.path(), k -> new ArrayList<>()).addAll(fileProblems);
            }
        }
        List<ShiftDefinition> shifts = shifts(scenarios, shiftFiles, problems);
        problems.replaceAll((k, v) -> v.stream().sorted().toList());
        return new Result(catalogue, List.copyOf(scenarios), Collections.unmodifiableMap(problems),
                scenarioFiles.size(), Map.copyOf(sources), shifts, shiftFiles.size(), skipped[0]);
    }

    private static List<ShiftDefinition> shifts(List<Scenario> scenarios, List<SourceFile> files,
            Map<String, List<Problem>> problems) {
        Map<String, Scenario> byId = new HashMap<>();
        scenarios.forEach(s -> byId.put(s.id(), s));
        ShiftReader reader = new ShiftReader(byId);
        Map<String, String> idToFile = new HashMap<>();
        List<ShiftDefinition> out = new ArrayList<>();
        for (SourceFile file : files.stream().sorted(Comparator.comparing(SourceFile::path)).toList()) {
            List<Problem> fileProblems = new ArrayList<>();
            reader.read(file, fileProblems).ifPresent(d -> {
                if (!fileName(file.path()).equals(d.id() + ".yaml")) {
                    fileProblems.add(new Problem(file.path(), 1, 1, "the file should be named " + d.id()
                            + ".yaml after the shift's id"));
                }
                String other = idToFile.putIfAbsent(d.id(), file.path());
                if (other != null) {
                    fileProblems.add(new Problem(file.path(), 1, 1, "shift id '" + d.id() + "' is already used by " + other));
                }
                if (fileProblems.isEmpty()) {
                    out.add(d);
                }
            });
            if (!fileProblems.isEmpty()) {
                problems.computeIfAbsent(file.path(), k -> new ArrayList<>()).addAll(fileProblems);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Loads a library folder: {@code dir/catalogue/} and every {@code .yaml} file under {@code dir/library/}.
     * When {@code dir} has no catalogue of its own, the packaged catalogue is used.
     */
    public static Result loadDirectory(Path dir) {
        Path catalogueDir = dir.resolve("catalogue");
        Map<String, SourceFile> catalogue = Files.isDirectory(catalogueDir) ? catalogueFrom(catalogueDir) : packagedCatalogue();
        Path library = Files.isDirectory(dir.resolve("library")) ? dir.resolve("library") : dir;
        Path shifts = dir.resolve(SHIFTS);
        return load(catalogue, display(catalogueDir), yamlFilesUnder(library, catalogueDir, shifts),
                Files.isDirectory(shifts) ? yamlFilesUnder(shifts, catalogueDir) : List.of());
    }

    /** Loads single files, checked against the catalogue of the library they sit in (or the packaged one). */
    public static Result loadFiles(List<Path> files) {
        Path catalogueDir = files.isEmpty() ? null : findCatalogueAbove(files.get(0));
        Map<String, SourceFile> catalogue = catalogueDir != null ? catalogueFrom(catalogueDir) : packagedCatalogue();
        List<Path> shiftPaths = files.stream().filter(LibraryLoader::isShiftFile).toList();
        List<SourceFile> sources = files.stream().filter(p -> !isShiftFile(p)).map(LibraryLoader::readFile).toList();
        if (!shiftPaths.isEmpty()) {
            // A shift names scenarios: check it against every scenario of its library, and report only on the files given.
            Path libraryDir = catalogueDir == null ? null : catalogueDir.getParent().resolve("library");
            List<SourceFile> scenarios = libraryDir != null && Files.isDirectory(libraryDir)
                    ? yamlFilesUnder(libraryDir, catalogueDir) : packagedScenarios();
            Result all = load(catalogue, catalogueDir == null ? PACKAGED + "/catalogue" : display(catalogueDir), scenarios,
                    shiftPaths.stream().map(LibraryLoader::readFile).toList());
            Result own = load(catalogue, catalogueDir == null ? PACKAGED + "/catalogue" : display(catalogueDir), sources);
            Map<String, List<Problem>> problems = new TreeMap<>(own.problems());
            Set<String> shiftNames = new HashSet<>();
            shiftPaths.forEach(p -> shiftNames.add(display(p)));
            all.problems().forEach((file, list) -> {
                if (shiftNames.contains(file)) {
                    problems.put(file, list);
                }
            });
            return new Result(own.catalogue(), own.scenarios(), Collections.unmodifiableMap(problems),
                    own.filesRead(), own.sources(), all.shifts(), shiftPaths.size(), 0);
        }
        return load(catalogue, catalogueDir == null ? PACKAGED + "/catalogue" : display(catalogueDir), sources);
    }

    /** The library packaged in the application. */
    public static Result loadPackaged() {
        return load(packagedCatalogue(), PACKAGED + "/catalogue", packagedScenarios(), packagedShifts());
    }

    /** The shift definitions packaged in the application. */
    static List<SourceFile> packagedShifts() {
        return packaged(PACKAGED + "/" + SHIFTS + "/");
    }

    private static boolean isShiftFile(Path p) {
        Path parent = p.toAbsolutePath().normalize().getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals(SHIFTS);
    }

    static Map<String, SourceFile> packagedCatalogue() {
        Map<String, SourceFile> out = new LinkedHashMap<>();
        for (String name : CATALOGUE_FILES) {
            String path = PACKAGED + "/catalogue/" + name;
            try (InputStream in = LibraryLoader.class.getClassLoader().getResourceAsStream(path)) {
                if (in != null) {
                    out.put(name, new SourceFile(path, in.readAllBytes()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static List<SourceFile> packagedScenarios() {
        return packaged(PACKAGED + "/library/");
    }

    private static List<SourceFile> packaged(String folder) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + folder + "**/*.yaml");
            List<SourceFile> out = new ArrayList<>();
            for (Resource r : resources) {
                String url = r.getURL().toString();
                String path = url.substring(url.lastIndexOf(folder));
                try (InputStream in = r.getInputStream()) {
                    out.add(new SourceFile(path, in.readAllBytes()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, SourceFile> catalogueFrom(Path dir) {
        Map<String, SourceFile> out = new LinkedHashMap<>();
        for (String name : CATALOGUE_FILES) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                out.put(name, readFile(p));
            }
        }
        return out;
    }

    static List<SourceFile> yamlFilesUnder(Path dir, Path... exclude) {
        try (Stream<Path> walk = Files.walk(dir, 6)) {
            List<Path> paths = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .filter(p -> Arrays.stream(exclude).noneMatch(x -> p.normalize().startsWith(x.normalize())))
                    .sorted().limit(MAX_FILES + 1L).toList();
            if (paths.size() > MAX_FILES) {
                throw new IllegalArgumentException("more than " + MAX_FILES + " scenario files under " + dir);
            }
            return paths.stream().map(LibraryLoader::readFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static SourceFile readFile(Path p) {
        try {
            // An oversized file is reported by the YAML reader; never read more than just over the limit.
            try (InputStream in = Files.newInputStream(p)) {
                return new SourceFile(display(p), in.readNBytes(YamlTreeReader.MAX_BYTES + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static Path findCatalogueAbove(Path file) {
        for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("catalogue").resolve(CatalogueReader.ROUTES))) {
                return p.resolve("catalogue");
            }
        }
        return null;
    }

    /** A path as the user would type it: relative to the working folder when inside it. */
    static String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static String parentName(String path) {
        String[] parts = path.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : null;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
