package uk.carenav.scenario;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import uk.carenav.base.AuditedAction;
import uk.carenav.base.CurrentUser;

/**
 * The scenarios the application offers: those packaged in the jar plus, optionally, the files of an
 * external folder ({@code carenav.scenarios.dir}). Invalid files are skipped, logged and kept with their
 * problems for the administrators' Scenario library page. {@link #reload()} picks up edited files.
 */
@Service
public class ScenarioLibrary {

    private static final Logger log = LoggerFactory.getLogger(ScenarioLibrary.class);

    private final String externalDir;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private volatile Snapshot snapshot;

    /** One load of the library. */
    public record Snapshot(Catalogue catalogue, List<Scenario> scenarios, Map<String, List<Problem>> invalidFiles,
            Instant loadedAt, String externalDir, Map<String, SourceFile> sources, List<ShiftDefinition> shifts) {

        public Optional<ShiftDefinition> shift(String id) {
            return shifts.stream().filter(d -> d.id().equals(id)).findFirst();
        }

        /** The file text of a loaded scenario, kept with attempts so later edits never change them. */
        public String sourceText(String scenarioId) {
            return new String(sources.get(scenarioId).bytes(), StandardCharsets.UTF_8);
        }

        public Optional<Scenario> scenario(String id) {
            return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
        }
    }

    ScenarioLibrary(@Value("${carenav.scenarios.dir:}") String externalDir, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.externalDir = externalDir == null ? "" : externalDir.strip();
        this.clock = clock;
        this.snapshot = load();
    }

    private final List<Consumer<Snapshot>> loadListeners = new CopyOnWriteArrayList<>();

    /**
     * Calls {@code listener} with the library as loaded now and again after every reload, so what is built
     * from the library (such as the match indexes) is built at load time rather than on a trainee's first step.
     */
    public void addLoadListener(Consumer<Snapshot> listener) {
        loadListeners.add(listener);
        listener.accept(snapshot);
    }

    /** The library as last loaded. */
    public Snapshot current() {
        return snapshot;
    }

    /** Reads every file again; the new library replaces the old one at once. */
    @PreAuthorize("hasRole('ADMIN')")
    public Snapshot reload() {
        snapshot = load();
        loadListeners.forEach(l -> l.accept(snapshot));
        events.publishEvent(new AuditedAction(CurrentUser.username(),
                "SCENARIOS_RELOADED", snapshot.scenarios().size() + " scenarios loaded, " + snapshot.invalidFiles().size()
                        + " files with errors"));
        return snapshot;
    }

    /**
     * Reads a scenario from the text kept with an attempt, against the current catalogue.
     *
     * @throws IllegalStateException when the kept text no longer reads (a catalogue entry it names was removed)
     */
    public Scenario readKept(String scenarioId, int version, String text) {
        List<Problem> problems = new ArrayList<>();
        ScenarioReader reader = new ScenarioReader(snapshot.catalogue(), false);
        return reader.read(new SourceFile(scenarioId + " v" + version, text.getBytes(StandardCharsets.UTF_8)),
                problems).orElseThrow(() -> new IllegalStateException("the kept copy of " + scenarioId + " v" + version
                        + " no longer reads: " + problems));
    }

    /** Scenarios whose review date has passed, for administrators. */
    public List<Scenario> overdueReviews() {
        LocalDate today = LocalDate.now(clock);
        return snapshot.scenarios().stream().filter(s -> s.reviewDue().isBefore(today))
                .sorted(Comparator.comparing(Scenario::reviewDue)).toList();
    }

    private Snapshot load() {
        long start = System.nanoTime();
        List<SourceFile> files = new ArrayList<>(LibraryLoader.packagedScenarios());
        List<SourceFile> shiftFiles = new ArrayList<>(LibraryLoader.packagedShifts());
        if (!externalDir.isEmpty()) {
            Path dir = Path.of(externalDir);
            if (Files.isDirectory(dir)) {
                Path shifts = dir.resolve(LibraryLoader.SHIFTS);
                files.addAll(LibraryLoader.yamlFilesUnder(dir, dir.resolve("catalogue"), shifts));
                if (Files.isDirectory(shifts)) {
                    shiftFiles.addAll(LibraryLoader.yamlFilesUnder(shifts));
                }
            } else {
                log.warn("carenav.scenarios.dir={} is not a folder; only the packaged scenarios are loaded", externalDir);
            }
        }
        LibraryLoader.Result result = LibraryLoader.load(LibraryLoader.packagedCatalogue(),
                LibraryLoader.PACKAGED + "/catalogue", files, shiftFiles, BuildCheck.packagedRecord());
        result.allProblems().forEach(p -> log.warn("Scenario file skipped: {}", p));
        log.info("Scenario library: {} scenarios loaded ({} as checked when the application was built), {} files with problems, in {} ms",
                result.scenarios().size(), result.checkedAtBuild(), result.problems().size(),
                (System.nanoTime() - start) / 1_000_000);
        List<Scenario> sorted = result.scenarios().stream()
                .sorted(Comparator.comparing(Scenario::category).thenComparing(Scenario::title)).toList();
        return new Snapshot(result.catalogue(), sorted, result.problems(), clock.instant(), externalDir, result.sources(),
                result.shifts());
    }
}
