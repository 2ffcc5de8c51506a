package uk.carenav.scenario;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code validate [DIR|FILE...]}: checks scenario files without starting the web server.
 * Exit 0 when all are valid, 1 with every problem as {@code path:line:column: message}, 2 on a usage error.
 */
public final class ValidateCommand {

    static final String USAGE = """
            Usage: java -jar carenav-trainer.jar validate [DIR | FILE...]
              Checks scenario files: structure, references to the catalogue, completeness; and shift
              definitions (shifts/*.yaml): structure and the scenarios and variants they draw on.
              DIR   a library folder with catalogue/, library/ and shifts/ (default: ./scenarios if it exists,
                    otherwise the library packaged in the application)
              FILE  one or more scenario or shift files, checked against the catalogue (and, for a
                    shift, the scenarios) of their library""";

    private ValidateCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.stream().anyMatch(a -> a.equals("-h") || a.equals("--help"))) {
            out.println(USAGE);
            return 0;
        }
        if (args.stream().anyMatch(a -> a.startsWith("-"))) {
            err.println("validate: unknown option " + args.stream().filter(a -> a.startsWith("-")).findFirst().get());
            err.println(USAGE);
            return 2;
        }
        LibraryLoader.Result result;
        try {
            if (args.isEmpty()) {
                Path here = Path.of("scenarios");
                result = Files.isDirectory(here) ? LibraryLoader.loadDirectory(here) : LibraryLoader.loadPackaged();
            } else if (args.size() == 1 && Files.isDirectory(Path.of(args.get(0)))) {
                result = LibraryLoader.loadDirectory(Path.of(args.get(0)));
            } else {
                for (String a : args) {
                    Path p = Path.of(a);
                    if (!Files.isRegularFile(p)) {
                        err.println("validate: " + a + (Files.isDirectory(p) ? " is a folder; give one folder on its own"
                                : " does not exist"));
                        err.println(USAGE);
                        return 2;
                    }
                }
                result = LibraryLoader.loadFiles(args.stream().map(Path::of).toList());
            }
        } catch (RuntimeException e) {
            err.println("validate: " + e.getMessage());
            return 2;
        }

        if (!result.valid()) {
            result.allProblems().forEach(err::println);
            err.println(result.allProblems().size() + " problem" + (result.allProblems().size() == 1 ? "" : "s") + " in "
                    + result.problems().size() + " file" + (result.problems().size() == 1 ? "" : "s") + "; "
                    + result.scenarios().size() + " of " + result.filesRead() + " scenario files are valid"
                    + (result.shiftFilesRead() == 0 ? "" : "; " + result.shifts().size() + " of " + result.shiftFilesRead()
                            + " shift files are valid"));
            return 1;
        }
        out.println(summary(result));
        return 0;
    }

    static String summary(LibraryLoader.Result result) {
        Map<String, Long> byCategory = result.scenarios().stream()
                .collect(Collectors.groupingBy(Scenario::category, TreeMap::new, Collectors.counting()));
        Catalogue c = result.catalogue();
        StringBuilder sb = new StringBuilder();
        sb.append("All ").append(result.scenarios().size()).append(" scenario files are valid");
        int variants = result.scenarios().stream().mapToInt(s -> s.variants().size()).sum();
        sb.append(" (").append(variants).append(" variants).\n");
        byCategory.forEach((cat, n) -> sb.append(String.format("  %-30s %3d%n", cat, n)));
        sb.append("Catalogue: ").append(c.routes().size()).append(" routes, ").append(c.redFlags().size())
                .append(" red flags, ").append(c.safetyNetting().size()).append(" safety-netting steps, ")
                .append(c.distractors().size()).append(" distractors, ").append(c.competencies().size())
                .append(" competencies.");
        if (!result.shifts().isEmpty()) {
            sb.append("\nShifts: ").append(result.shifts().size()).append(" valid (")
                    .append(String.join("; ", result.shifts().stream().map(d -> d.id() + ": " + d.minutes() + " min, "
                            + d.callerCount() + " callers").toList())).append(").");
        }
        return sb.toString();
    }
}
