package uk.carenav.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.carenav.base.SpreadsheetText;
import uk.carenav.scenario.Catalogue.Competency;
import uk.carenav.scenario.Catalogue.Distractor;
import uk.carenav.scenario.Catalogue.RedFlag;
import uk.carenav.scenario.Catalogue.Route;
import uk.carenav.scenario.Catalogue.SafetyNetStep;
import uk.carenav.scenario.Catalogue.Source;

/** Reads the files of {@code scenarios/catalogue/}, reporting every problem with its position. */
final class CatalogueReader {

    static final String ROUTES = "routes.yaml";
    static final String RED_FLAGS = "red-flags.yaml";
    static final String SAFETY_NETTING = "safety-netting.yaml";
    static final String DISTRACTORS = "distractors.yaml";
    static final String COMPETENCIES = "competency-framework.csv";
    /** Optional: words that mean the same to a caller, for matching what a navigator types. */
    static final String SYNONYMS = "synonyms.yaml";
    /** Optional: what navigators say on the phone that is about no item ("bear with me"). */
    static final String SMALL_TALK = "small-talk.yaml";
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern COMPETENCY_ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    private static final List<String> COMPETENCY_COLUMNS = List.of("id", "tier", "domain", "title", "description");

    private CatalogueReader() {
    }

    /** {@code files} by file name (routes.yaml...). A missing file is a problem, not an exception. */
    static Catalogue read(Map<String, SourceFile> files, String folder, List<Problem> problems) {
        Map<String, Route> routes = readList(files, folder, ROUTES, "routes", problems, CatalogueReader::route);
        Map<String, RedFlag> redFlags = readList(files, folder, RED_FLAGS, "red_flags", problems,
                CatalogueReader::redFlag);
        Map<String, SafetyNetStep> steps = readList(files, folder, SAFETY_NETTING, "safety_netting", problems,
                CatalogueReader::step);
        Map<String, Distractor> distractors = readList(files, folder, DISTRACTORS, "distractors", problems,
                CatalogueReader::distractor);
        Map<String, Competency> competencies = competencies(files.get(COMPETENCIES), folder, problems);

        // Red flags point at routes.
        SourceFile rf = files.get(RED_FLAGS);
        redFlags.values().forEach(flag -> {
            if (!routes.isEmpty() && !routes.containsKey(flag.routeId())) {
                problems.add(new Problem(rf == null ? folder + "/" + RED_FLAGS : rf.path(), 0, 0,
                        "red flag '" + flag.id() + "' names route '" + flag.routeId() + "', which is not in " + ROUTES));
            }
        });
        return new Catalogue(routes, redFlags, steps, distractors, competencies, synonyms(files.get(SYNONYMS), problems),
                smallTalk(files.get(SMALL_TALK), problems));
    }

    /**
     * The groups of {@code synonyms.yaml}: each a list of two or more words or short phrases, the first the
     * one the others are read as. A word may be in one group only. No file means no synonyms.
     */
    private static List<List<String>> synonyms(SourceFile file, List<Problem> problems) {
        if (file == null) {
            return List.of();
        }
        Optional<YamlNode> root = YamlTreeReader.read(file.path(), file.bytes(), problems);
        if (root.isEmpty()) {
            return List.of();
        }
        Fields top = Fields.of(file.path(), root.get(), SYNONYMS, problems);
        List<List<String>> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (YamlNode group : top.list("synonyms", true)) {
            if (!(group instanceof YamlNode.ListNode l)) {
                top.problem(group, "a synonym group should be a list such as [stomach, tummy, belly], but is "
                        + group.kindName());
                continue;
            }
            List<String> words = new ArrayList<>();
            for (YamlNode w : l.items()) {
                top.text(w, "a word of a synonym group").map(t -> t.toLowerCase(Locale.ROOT)).ifPresent(t -> {
                    Integer other = seen.putIfAbsent(t, group.line());
                    if (other != null) {
                        top.problem(w, "'" + t + "' is already in the synonym group on line " + other
                                + ": a word may be in one group only");
                    } else {
                        words.add(t);
                    }
                });
            }
            if (l.items().size() < 2) {
                top.problem(group, "a synonym group needs at least two words");
            } else if (words.size() >= 2) {
                out.add(List.copyOf(words));
            }
        }
        top.rejectUnknown();
        return List.copyOf(out);
    }

    /** The lines of {@code small-talk.yaml} ({@code small_talk: [...]}); no file means none. */
    private static List<String> smallTalk(SourceFile file, List<Problem> problems) {
        if (file == null) {
            return List.of();
        }
        Optional<YamlNode> root = YamlTreeReader.read(file.path(), file.bytes(), problems);
        if (root.isEmpty()) {
            return List.of();
        }
        Fields top = Fields.of(file.path(), root.get(), SMALL_TALK, problems);
        var lines = top.textList("small_talk", true);
        top.rejectUnknown();
        return List.copyOf(lines.keySet());
    }

    private interface EntryReader<T> extends BiFunction<Fields, String, Optional<T>> {
    }

    private static <T> Map<String, T> readList(Map<String, SourceFile> files, String folder, String name, String key,
            List<Problem> problems, EntryReader<T> reader) {
        Map<String, T> out = new LinkedHashMap<>();
        SourceFile file = files.get(name);
        if (file == null) {
            problems.add(new Problem(folder + "/" + name, 0, 0, "the catalogue file " + name + " is missing"));
            return out;
        }
        Optional<YamlNode> root = YamlTreeReader.read(file.path(), file.bytes(), problems);
        if (root.isEmpty()) {
            return out;
        }
        Fields top = Fields.of(file.path(), root.get(), name, problems);
        List<YamlNode> items = top.list(key, true);
        top.rejectUnknown();
        int index = 0;
        for (YamlNode item : items) {
            index++;
            Fields f = Fields.of(file.path(), item, key.replace('_', ' ') + " entry " + index, problems);
            Optional<String> id = f.text("id", true);
            id.ifPresent(i -> {
                if (!ID.matcher(i).matches()) {
                    f.problemAtKey("id", "id '" + i + "' should use lower-case letters, digits and single dashes");
                }
            });
            Optional<T> value = reader.apply(f, file.path());
            f.rejectUnknown();
            if (id.isPresent() && value.isPresent()) {
                if (out.containsKey(id.get())) {
                    f.problemAtKey("id", "id '" + id.get() + "' is used twice in " + name);
                } else {
                    out.put(id.get(), value.get());
                }
            }
        }
        return out;
    }

    private static Optional<Route> route(Fields f, String file) {
        var id = f.text("id", true);
        var name = f.text("name", true);
        var urgencyText = f.text("urgency", true);
        Optional<Urgency> urgency = urgencyText.flatMap(u -> {
            Optional<Urgency> parsed = Urgency.fromCode(u);
            if (parsed.isEmpty()) {
                f.problemAtKey("urgency", "urgency '" + u + "' is not one of: " + Urgency.codes());
            }
            return parsed;
        });
        var timeframe = f.text("timeframe", true);
        var forWhom = f.text("for", true);
        var self = f.bool("self_referral");
        var closedOnly = f.bool("when_closed_only");
        var queueOnly = f.bool("queue_only");
        Eligibility eligibility = f.node("eligibility", false).map(n -> eligibility(f, n, name.orElse("the route")))
                .orElse(null);
        if (id.isEmpty() || name.isEmpty() || urgency.isEmpty() || timeframe.isEmpty() || forWhom.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Route(id.get(), name.get(), urgency.get(), timeframe.get(), forWhom.get(),
                self.orElse(false), eligibility, closedOnly.orElse(false), queueOnly.orElse(false)));
    }

    private static final Pattern AGE_RANGE = Pattern.compile("(\\d{1,3})\\s*(?:-\\s*(\\d{1,3})|(\\+))");

    /** {@code eligibility: {source: {...}, pathways: [{condition, name, age: 1-17, pregnant: false, ...}]}}. */
    private static Eligibility eligibility(Fields route, YamlNode node, String routeName) {
        Fields f = Fields.of(route.file(), node, "the eligibility of " + routeName, route.problems());
        Optional<Source> source = f.node("source", true).flatMap(s -> source(f, s));
        List<Eligibility.Pathway> pathways = new ArrayList<>();
        Set<String> conditions = new HashSet<>();
        int i = 0;
        for (YamlNode pn : f.list("pathways", true)) {
            i++;
            Fields p = Fields.of(route.file(), pn, "pathway " + i + " of the eligibility of " + routeName, route.problems());
            Optional<String> condition = p.text("condition", false);
            condition.ifPresent(c -> {
                if (!ID.matcher(c).matches()) {
                    p.problemAtKey("condition", "condition '" + c + "' should use lower-case letters, digits and single dashes");
                } else if (!conditions.add(c)) {
                    p.problemAtKey("condition", "condition '" + c + "' has two pathways");
                }
            });
            Optional<String> pathName = p.text("name", condition.isPresent());
            List<Eligibility.Criterion> criteria = new ArrayList<>();
            for (Eligibility.Fact fact : Eligibility.Fact.values()) {
                if (fact == Eligibility.Fact.AGE) {
                    p.node("age", false).flatMap(a -> p.text(a, "age")).ifPresent(a -> {
                        var m = AGE_RANGE.matcher(a.strip());
                        if (!m.matches()) {
                            p.problemAtKey("age", "age '" + a + "' should be a range such as 1-17, or a lower limit such as 18+");
                        } else {
                            Integer min = Integer.valueOf(m.group(1));
                            Integer max = m.group(2) == null ? null : Integer.valueOf(m.group(2));
                            if (max != null && max < min) {
                                p.problemAtKey("age", "age '" + a + "' ends before it starts");
                            }
                            criteria.add(new Eligibility.Criterion(fact, min, max, null));
                        }
                    });
                } else if (fact == Eligibility.Fact.SEX) {
                    p.text("sex", false).ifPresent(x -> {
                        if (!ScenarioReader.SEXES.contains(x)) {
                            p.problemAtKey("sex", "sex '" + x + "' is not one of: female, male");
                        } else {
                            criteria.add(new Eligibility.Criterion(fact, null, null, x));
                        }
                    });
                } else {
                    p.bool(fact.key()).ifPresent(b -> criteria.add(new Eligibility.Criterion(fact, null, null, b.toString())));
                }
            }
            p.rejectUnknown();
            if (criteria.isEmpty() && condition.isEmpty()) {
                p.problem(pn, "pathway " + i + " of the eligibility of " + routeName + " tests nothing: give a condition "
                        + "or at least one of " + String.join(", ", Eligibility.Fact.keys()));
            }
            pathways.add(new Eligibility.Pathway(condition.orElse(null), pathName.orElse(null), List.copyOf(criteria)));
        }
        f.rejectUnknown();
        return source.isEmpty() || pathways.isEmpty() ? null : new Eligibility(routeName, List.copyOf(pathways), source.get());
    }

    private static Optional<RedFlag> redFlag(Fields f, String file) {
        var id = f.text("id", true);
        var category = f.text("category", true);
        var name = f.text("name", true);
        var words = f.textList("caller_words", true);
        var screen = f.text("screen_question", true);
        var phrasings = f.textList("phrasings", false);
        var action = f.text("action", true);
        var route = f.text("route", true);
        Optional<Source> source = f.node("source", true).flatMap(n -> source(f, n));
        if (id.isEmpty() || category.isEmpty() || name.isEmpty() || screen.isEmpty() || action.isEmpty()
                || route.isEmpty() || source.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RedFlag(id.get(), category.get(), name.get(), List.copyOf(words.keySet()), screen.get(),
                action.get(), route.get(), source.get(), List.copyOf(phrasings.keySet())));
    }

    /** A {title, url} block; problems are reported through {@code parent}. */
    static Optional<Source> source(Fields parent, YamlNode node) {
        if (!(node instanceof YamlNode.MapNode m)) {
            parent.problem(node, "a source should be a set of fields with title and url, but is " + node.kindName());
            return Optional.empty();
        }
        var title = m.entries().get("title");
        var url = m.entries().get("url");
        Optional<String> t = title == null ? Optional.empty() : parent.text(title, "the source's title");
        Optional<String> u = url == null ? Optional.empty() : parent.text(url, "the source's url");
        if (title == null) {
            parent.problem(node, "a source needs a title");
        }
        if (url == null) {
            parent.problem(node, "a source needs a url");
        }
        for (String k : m.entries().keySet()) {
            if (!k.equals("title") && !k.equals("url")) {
                int[] pos = m.keyPositions().get(k);
                parent.problem(new YamlNode.ScalarNode(k, YamlNode.ScalarNode.Type.STRING, pos[0], pos[1]),
                        "unknown field '" + k + "' in a source (expected title and url)");
            }
        }
        if (u.isPresent() && !u.get().startsWith("https://") && !u.get().startsWith("http://")) {
            parent.problem(url, "the source's url should start with https://");
            return Optional.empty();
        }
        return t.isPresent() && u.isPresent() ? Optional.of(new Source(t.get(), u.get())) : Optional.empty();
    }

    private static Optional<SafetyNetStep> step(Fields f, String file) {
        var id = f.text("id", true);
        var name = f.text("name", true);
        var wording = f.text("wording", true);
        var phrasings = f.textList("phrasings", false);
        return id.isPresent() && name.isPresent() && wording.isPresent()
                ? Optional.of(new SafetyNetStep(id.get(), name.get(), wording.get(), List.copyOf(phrasings.keySet())))
                : Optional.empty();
    }

    private static Optional<Distractor> distractor(Fields f, String file) {
        var id = f.text("id", true);
        var text = f.text("text", true);
        var kind = f.text("kind", true);
        kind.ifPresent(k -> {
            if (!k.equals("irrelevant") && !k.equals("intrusive")) {
                f.problemAtKey("kind", "kind '" + k + "' should be irrelevant or intrusive");
            }
        });
        var severity = severity(f, "severity", Severity.MINOR);
        var answer = f.text("answer", true);
        var feedback = f.text("feedback", true);
        var phrasings = f.textList("phrasings", false);
        if (id.isEmpty() || text.isEmpty() || kind.isEmpty() || answer.isEmpty() || feedback.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Distractor(id.get(), text.get(), kind.get(), severity, answer.get(), feedback.get(),
                List.copyOf(phrasings.keySet())));
    }

    static Severity severity(Fields f, String key, Severity byDefault) {
        return f.text(key, false).map(s -> Severity.fromCode(s).orElseGet(() -> {
            f.problemAtKey(key, "severity '" + s + "' should be critical, major, moderate or minor");
            return byDefault;
        })).orElse(byDefault);
    }

    private static Map<String, Competency> competencies(SourceFile file, String folder, List<Problem> problems) {
        Map<String, Competency> out = new LinkedHashMap<>();
        if (file == null) {
            problems.add(new Problem(folder + "/" + COMPETENCIES, 0, 0, "the catalogue file " + COMPETENCIES + " is missing"));
            return out;
        }
        var decoded = SpreadsheetText.utf8(file.bytes());
        if (decoded.isEmpty()) {
            problems.add(new Problem(file.path(), 1, 1, "the file is not UTF-8 text; save it as UTF-8 CSV"));
            return out;
        }
        String text = decoded.get();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.replace("\uFEFF", "")), format)) {
            List<String> header = parser.getHeaderNames();
            if (!header.equals(COMPETENCY_COLUMNS)) {
                problems.add(new Problem(file.path(), 1, 1, "the columns should be " + String.join(",", COMPETENCY_COLUMNS)
                        + " but are " + String.join(",", header)));
                return out;
            }
            for (CSVRecord row : parser) {
                int line = (int) row.getRecordNumber() + 1; // the header is line 1
                if (row.size() != COMPETENCY_COLUMNS.size()) {
                    problems.add(new Problem(file.path(), line, 1, "row " + row.getRecordNumber() + " has " + row.size()
                            + " columns; expected " + COMPETENCY_COLUMNS.size()));
                    continue;
                }
                String id = row.get("id");
                if (!COMPETENCY_ID.matcher(id).matches()) {
                    problems.add(new Problem(file.path(), line, 1, "column id: '" + id + "' should look like RISK-1"));
                    continue;
                }
                int tier;
                try {
                    tier = Integer.parseInt(row.get("tier"));
                } catch (NumberFormatException e) {
                    problems.add(new Problem(file.path(), line, 2, "column tier: '" + row.get("tier") + "' should be a whole number"));
                    continue;
                }
                if (row.get("title").isEmpty()) {
                    problems.add(new Problem(file.path(), line, 4, "column title is empty"));
                    continue;
                }
                if (out.containsKey(id)) {
                    problems.add(new Problem(file.path(), line, 1, "competency id '" + id + "' is used twice"));
                    continue;
                }
                out.put(id, new Competency(id, tier, row.get("domain"), row.get("title"), row.get("description")));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(file.path(), 0, 0, "cannot read the CSV: " + e.getMessage()));
        }
        return out;
    }
}
