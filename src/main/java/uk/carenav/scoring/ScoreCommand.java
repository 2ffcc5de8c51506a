package uk.carenav.scoring;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import uk.carenav.scenario.LibraryLoader;
import uk.carenav.scenario.Scenario;

/**
 * {@code score SCENARIO_FILE TRANSCRIPT_FILE [--variant V] [--text]}: prints the score card a transcript
 * would get, without starting the web server. Exit 0 on success, 1 for an invalid scenario or
 * transcript, 2 on a usage error.
 */
public final class ScoreCommand {

    static final String USAGE = """
            Usage: java -jar carenav-trainer.jar score SCENARIO_FILE TRANSCRIPT_FILE [--variant V] [--text]
              Prints the score card of a call transcript (JSON) against a scenario (YAML).
              --variant V  the variant, for a transcript that names none (one that names
                           another variant is refused)
              --text       readable text instead of JSON""";

    private ScoreCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        String variant = null;
        boolean text = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--text" -> text = true;
                case "--variant" -> {
                    if (i + 1 >= args.size()) {
                        err.println("score: --variant needs a variant id");
                        err.println(USAGE);
                        return 2;
                    }
                    variant = args.get(++i);
                }
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("-")) {
                        err.println("score: unknown option " + a);
                        err.println(USAGE);
                        return 2;
                    }
                    files.add(a);
                }
            }
        }
        if (files.size() != 2) {
            err.println("score: give a scenario file and a transcript file");
            err.println(USAGE);
            return 2;
        }
        Path scenarioFile = Path.of(files.get(0));
        Path transcriptFile = Path.of(files.get(1));
        for (Path p : List.of(scenarioFile, transcriptFile)) {
            if (!Files.isRegularFile(p)) {
                err.println("score: " + p + " does not exist");
                return 2;
            }
        }
        LibraryLoader.Result library = LibraryLoader.loadFiles(List.of(scenarioFile));
        if (!library.valid()) {
            err.println("score: the scenario is not valid:");
            library.allProblems().forEach(p -> err.println(p));
            return 1;
        }
        Scenario scenario = library.scenarios().get(0);
        try {
            if (Files.size(transcriptFile) > 5_000_000) {
                err.println("score: " + transcriptFile + " is larger than 5 MB; a transcript is a few kilobytes");
                return 1;
            }
            String json = Files.readString(transcriptFile, StandardCharsets.UTF_8);
            Transcript transcript = TranscriptJson.read(json, variant);
            ScoreCard card = new ScoringEngine(ScoringPolicy.defaults()).score(scenario, library.catalogue(), transcript);
            out.print(text ? ScoreCardText.text(card) : ScoreCardText.json(card) + System.lineSeparator());
            return 0;
        } catch (InvalidTranscriptException e) {
            err.println("score: " + transcriptFile + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("score: cannot read " + transcriptFile + ": " + e.getMessage());
            return 1;
        }
    }
}
