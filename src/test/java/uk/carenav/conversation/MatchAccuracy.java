package uk.carenav.conversation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.carenav.scenario.LibraryLoader;
import uk.carenav.scenario.Scenario;

/**
 * Runs the labelled utterances of {@code src/test/resources/utterances/labelled.csv} (written the way
 * receptionists type: typos, colloquial words, short forms, out-of-scope talk) through the real matcher of
 * the shipped library, and works out top-1 accuracy, false accepts, false rejects, match latency and index
 * build time. {@code mvn test -Dtest=MatchAccuracyTest} prints the figures.
 */
final class MatchAccuracy {

    static final Path LABELLED = Path.of("src/test/resources/utterances/labelled.csv");

    record Row(int line, String scenario, String utterance, String kind, String expected) {
    }

    record Outcome(Row row, Heard heard) {

        boolean inScope() {
            return !row.kind().equals("none");
        }

        boolean right() {
            return inScope() ? heard.matched() && heard.itemId().equals(row.expected()) && heard.kind().code().equals(row.kind())
                    : !heard.matched();
        }
    }

    record Figures(int rows, int scenarios, int inScope, int outOfScope, int top1Right, int wrongItem, int rejected,
            int unclear, int falseAccepts, double p50Micros, double p95Micros, double maxMicros, int libraryScenarios,
            double buildAllMillis,
            List<Outcome> outcomes) {

        double top1() {
            return 100.0 * top1Right / inScope;
        }

        double falseAcceptRate() {
            return 100.0 * falseAccepts / outOfScope;
        }

        double falseRejectRate() {
            return 100.0 * rejected / inScope;
        }

        String report() {
            return String.format(Locale.ROOT, """
                    Labelled utterances: %d over %d scenarios (%d in scope, %d out of scope)
                    Top-1 accuracy (in scope): %.1f%% (%d right, %d heard as another item, %d heard as nothing of which %d unclear)
                    False accepts (out of scope heard as something): %.1f%% (%d of %d)
                    False rejects (in scope heard as nothing): %.1f%% (%d of %d)
                    Match latency: p50 %.0f us, p95 %.0f us, max %.0f us
                    Index build, whole library (%d scenarios): %.0f ms""", rows, scenarios, inScope, outOfScope, top1(),
                    top1Right, wrongItem, rejected, unclear, falseAcceptRate(), falseAccepts, outOfScope,
                    falseRejectRate(), rejected, inScope, p50Micros, p95Micros, maxMicros, libraryScenarios, buildAllMillis);
        }

        List<Outcome> mistakes() {
            return outcomes.stream().filter(o -> !o.right()).toList();
        }
    }

    private MatchAccuracy() {
    }

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(LABELLED, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(new Row((int) rec.getRecordNumber() + 1, rec.get("scenario"), rec.get("utterance"), rec.get("kind"),
                        rec.get("expected")));
            }
        }
        return out;
    }

    static Figures run() throws IOException {
        LibraryLoader.Result library = LibraryLoader.loadDirectory(Path.of("scenarios"));
        Map<String, Scenario> byFile = new HashMap<>();
        library.scenarios().forEach(s -> byFile.put(s.file(), s));
        long start = System.nanoTime();
        Map<String, ScenarioIndex> indexes = new HashMap<>();
        for (Scenario s : library.scenarios()) {
            indexes.put(s.file(), ScenarioIndex.of(s, library.catalogue()));
        }
        double buildMillis = (System.nanoTime() - start) / 1e6;
        List<Row> rows = rows();
        // Warm the JIT on every utterance once, then time the second pass.
        for (Row row : rows) {
            index(indexes, row).hear(row.utterance());
        }
        List<Outcome> outcomes = new ArrayList<>();
        long[] nanos = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            ScenarioIndex index = index(indexes, row);
            long t0 = System.nanoTime();
            Heard h = index.hear(row.utterance());
            nanos[i] = System.nanoTime() - t0;
            outcomes.add(new Outcome(row, h));
        }
        Arrays.sort(nanos);
        int inScope = 0;
        int right = 0;
        int wrong = 0;
        int rejected = 0;
        int unclear = 0;
        int falseAccepts = 0;
        for (Outcome o : outcomes) {
            if (o.inScope()) {
                inScope++;
                if (o.right()) {
                    right++;
                } else if (o.heard().matched()) {
                    wrong++;
                } else {
                    rejected++;
                    unclear += o.heard().isUnclear() ? 1 : 0;
                }
            } else if (o.heard().matched()) {
                falseAccepts++;
            }
        }
        return new Figures(rows.size(), (int) rows.stream().map(Row::scenario).distinct().count(), inScope,
                rows.size() - inScope, right, wrong, rejected, unclear, falseAccepts, nanos[nanos.length / 2] / 1e3,
                nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e3, nanos[nanos.length - 1] / 1e3, indexes.size(),
                buildMillis, outcomes);
    }

    private static ScenarioIndex index(Map<String, ScenarioIndex> indexes, Row row) {
        ScenarioIndex index = indexes.get(row.scenario());
        if (index == null) {
            throw new IllegalStateException(LABELLED + ":" + row.line() + ": no valid scenario " + row.scenario());
        }
        return index;
    }

    public static void main(String[] args) throws IOException {
        Figures f = run();
        System.out.println(f.report());
        if (args.length > 0 && args[0].equals("--mistakes")) {
            for (Outcome o : f.mistakes()) {
                System.out.println(o.row().line() + " " + o.row().scenario().replaceAll(".*/", "") + " | " + o.row().utterance()
                        + " | want " + o.row().kind() + ":" + o.row().expected() + " | got " + o.heard().kind().code() + ":"
                        + o.heard().itemId() + " " + o.heard().score()
                        + (o.heard().isUnclear() ? " unclear " + o.heard().unclear().get(0).itemId() + "/"
                                + o.heard().unclear().get(1).itemId() : ""));
            }
        }
    }
}
