package uk.carenav.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.carenav.scenario.LibraryLoader;
import uk.carenav.scenario.Scenario;

/**
 * {@code match SCENARIO_FILE [--variant V] [--json] UTTERANCE...}: prints what a call on the scenario would
 * hear for each utterance, in order, without starting the web server. Exit 0 when it ran, 1 for a scenario
 * file that is not valid (each problem as file:line:column), 2 on a usage error.
 */
public final class MatchCommand {

    static final String USAGE = """
            Usage: java -jar carenav-trainer.jar match SCENARIO_FILE [--variant V] [--json] UTTERANCE [UTTERANCE...]
              Prints, for each utterance in order, what a call on the scenario would hear: the question,
              statement, distractor or safety-netting step it matched (or none), the score and the
              caller's reply.
              --variant V  the variant whose answers the caller gives (default: the first)
              --json       one JSON object per utterance and line: utterance, match, kind, score, text,
                           reply, and unclear (the two items it could not tell apart, if any)""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private MatchCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String file = null;
        String variant = null;
        boolean json = false;
        List<String> utterances = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!optionsEnded && a.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && a.equals("--json")) {
                json = true;
            } else if (!optionsEnded && a.equals("--variant")) {
                if (i + 1 >= args.size()) {
                    return usage(err, "--variant needs a variant id");
                }
                variant = args.get(++i);
            } else if (!optionsEnded && (a.equals("-h") || a.equals("--help"))) {
                out.println(USAGE);
                return 0;
            } else if (!optionsEnded && a.startsWith("--")) {
                return usage(err, "unknown option " + a);
            } else if (file == null) {
                file = a;
            } else {
                utterances.add(a);
            }
        }
        if (file == null) {
            return usage(err, "give a scenario file");
        }
        if (utterances.isEmpty()) {
            return usage(err, "give at least one utterance to match");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            return usage(err, file + (Files.isDirectory(path) ? " is a folder; give one scenario file" : " does not exist"));
        }
        LibraryLoader.Result library = LibraryLoader.loadFiles(List.of(path));
        if (!library.valid()) {
            err.println("match: the scenario is not valid:");
            library.allProblems().forEach(err::println);
            return 1;
        }
        Scenario scenario = library.scenarios().get(0);
        String v = variant != null ? variant : scenario.variants().get(0).id();
        if (scenario.variant(v).isEmpty()) {
            return usage(err, "the scenario has no variant '" + v + "' (variants: "
                    + String.join(", ", scenario.variants().stream().map(Scenario.Variant::id).toList()) + ")");
        }
        ScenarioIndex index = ScenarioIndex.of(scenario, library.catalogue());
        for (String u : utterances) {
            Heard h = index.hear(u);
            String reply = CallerReplies.reply(scenario, library.catalogue(), v, h);
            out.println(json ? json(h, reply) : text(h, reply));
        }
        return 0;
    }

    static String json(Heard h, String reply) {
        ObjectNode o = JSON.createObjectNode();
        o.put("utterance", h.utterance());
        if (h.itemId() == null) {
            o.putNull("match");
        } else {
            o.put("match", h.itemId());
        }
        o.put("kind", h.kind().code());
        o.put("score", h.score());
        if (h.itemText() == null) {
            o.putNull("text");
        } else {
            o.put("text", h.itemText());
        }
        o.put("reply", reply);
        ArrayNode unclear = o.putArray("unclear");
        for (Heard.Candidate c : h.unclear()) {
            ObjectNode n = unclear.addObject();
            n.put("match", c.itemId());
            n.put("kind", c.kind().code());
            n.put("score", c.score());
            n.put("text", c.itemText());
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Heard h, String reply) {
        StringBuilder b = new StringBuilder("\"").append(h.utterance()).append("\"\n  heard as: ");
        if (h.matched()) {
            b.append(h.kind().code().replace('_', ' ')).append(' ').append(h.itemId()).append(" - ").append(h.itemText());
        } else if (h.isSmallTalk()) {
            b.append("small talk (nothing the call scores)");
        } else if (h.isUnclear()) {
            b.append("unclear between ").append(h.unclear().get(0).itemId()).append(" and ").append(h.unclear().get(1).itemId());
        } else {
            b.append("nothing");
        }
        b.append(String.format(Locale.ROOT, " (score %.2f)", h.score()));
        b.append("\n  caller: ").append(reply);
        return b.toString();
    }

    private static int usage(PrintStream err, String message) {
        err.println("match: " + message);
        err.println(USAGE);
        return 2;
    }
}
