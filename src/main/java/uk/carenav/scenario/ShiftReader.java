package uk.carenav.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks one shift definition against the scenarios of its library. Every problem is reported at its
 * line and column, as for scenario files; a definition with any problem is not loaded.
 */
final class ShiftReader {

    static final int MAX_CALLERS = 40;
    static final int MAX_OPENING = 1000;

    private final Map<String, Scenario> scenarios;

    ShiftReader(Map<String, Scenario> scenarios) {
        this.scenarios = scenarios;
    }

    Optional<ShiftDefinition> read(SourceFile source, List<Problem> problems) {
        int before = problems.size();
        Optional<YamlNode> root = YamlTreeReader.read(source.path(), source.bytes(), problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        String file = source.path();
        Fields f = Fields.of(file, root.get(), "the shift", problems);
        String id = f.text("id", true).orElse(null);
        if (id != null && !CatalogueReader.ID.matcher(id).matches()) {
            f.problemAtKey("id", "id '" + id + "' should use lower-case letters, digits and single dashes");
        }
        int version = f.integer("version", true, 1, 100_000).orElse(0);
        String title = f.text("title", true).orElse(null);
        String summary = f.text("summary", true).orElse(null);
        int minutes = f.integer("minutes", true, 5, 60).orElse(15);
        int waiting = f.integer("callers_waiting_at_start", true, 0, MAX_CALLERS).orElse(0);
        int arrivals = f.integer("arrivals_over_minutes", true, 0, 60).orElse(0);
        if (arrivals > minutes) {
            f.problemAtKey("arrivals_over_minutes", "arrivals_over_minutes (" + arrivals + ") is longer than the shift ("
                    + minutes + " minutes)");
        }
        ShiftDefinition.Range patience = f.node("patience_seconds", true)
                .map(n -> range(file, n, "patience_seconds", 30, 1800, problems)).orElse(null);
        int ringBackPercent = 0;
        ShiftDefinition.Range ringBackAfter = new ShiftDefinition.Range(60, 60);
        Optional<YamlNode> ringBack = f.node("ring_back", true);
        if (ringBack.isPresent()) {
            Fields r = Fields.of(file, ringBack.get(), "ring_back", problems);
            ringBackPercent = r.integer("percent", true, 0, 100).orElse(0);
            ringBackAfter = r.node("after_seconds", true)
                    .map(n -> range(file, n, "after_seconds of ring_back", 10, 1800, problems)).orElse(ringBackAfter);
            r.rejectUnknown();
        }
        int routeWithin = f.integer("red_flag_route_within_seconds", true, 60, 3600).orElse(0);
        List<Catalogue.Source> sources = new ArrayList<>();
        for (YamlNode s : f.list("sources", true)) {
            CatalogueReader.source(f, s).ifPresent(sources::add);
        }
        List<ShiftDefinition.Pool> pools = new ArrayList<>();
        int i = 0;
        for (YamlNode n : f.list("pools", true)) {
            i++;
            pool(file, n, i, problems).ifPresent(pools::add);
        }
        f.rejectUnknown();
        int callers = pools.stream().mapToInt(ShiftDefinition.Pool::count).sum();
        if (!pools.isEmpty() && callers > MAX_CALLERS) {
            f.problemAtKey("pools", "the pools draw " + callers + " callers; a shift has at most " + MAX_CALLERS);
        }
        if (!pools.isEmpty() && waiting > callers) {
            f.problemAtKey("callers_waiting_at_start", "callers_waiting_at_start (" + waiting + ") is more than the "
                    + callers + " callers the pools draw");
        }
        if (!pools.isEmpty() && pools.stream().noneMatch(ShiftDefinition.Pool::redFlag)) {
            f.problemAtKey("pools", "no pool has red_flag: true; a shift hides at least one red flag behind an "
                    + "ordinary call");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ShiftDefinition(id, version, title, summary, minutes, waiting, arrivals, patience,
                ringBackPercent, ringBackAfter, routeWithin, List.copyOf(sources), List.copyOf(pools), file));
    }

    private static ShiftDefinition.Range range(String file, YamlNode n, String what, int low, int high,
            List<Problem> problems) {
        Fields r = Fields.of(file, n, what, problems);
        int min = r.integer("min", true, low, high).orElse(low);
        int max = r.integer("max", true, low, high).orElse(high);
        r.rejectUnknown();
        if (min > max) {
            r.problemAtKey("min", "min (" + min + ") of " + what + " is more than max (" + max + ")");
        }
        return new ShiftDefinition.Range(min, max);
    }

    private Optional<ShiftDefinition.Pool> pool(String file, YamlNode n, int index, List<Problem> problems) {
        Fields p = Fields.of(file, n, "pool " + index, problems);
        String name = p.text("name", true).orElse(null);
        Optional<Integer> count = p.integer("count", true, 1, 20);
        boolean redFlag = p.bool("red_flag").orElse(false);
        List<ShiftDefinition.Caller> callers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        List<YamlNode> listed = p.list("callers", true);
        for (YamlNode c : listed) {
            i++;
            caller(file, c, "caller " + i + " of pool " + index, redFlag, problems).ifPresent(caller -> {
                if (!seen.add(caller.scenarioId())) {
                    problems.add(new Problem(file, caller.line(), 1, "scenario '" + caller.scenarioId()
                            + "' is listed twice in pool " + index + "; list its variants once instead"));
                }
                callers.add(caller);
            });
        }
        p.rejectUnknown();
        if (count.isPresent() && !listed.isEmpty() && count.get() > listed.size()) {
            p.problemAtKey("count", "count (" + count.get() + ") is more than the " + listed.size()
                    + " caller" + (listed.size() == 1 ? "" : "s") + " listed in pool " + index
                    + "; callers are drawn without repeats");
        }
        if (name == null || count.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ShiftDefinition.Pool(name, count.get(), redFlag, List.copyOf(callers), p.line()));
    }

    private Optional<ShiftDefinition.Caller> caller(String file, YamlNode n, String what, boolean redFlag,
            List<Problem> problems) {
        Fields c = Fields.of(file, n, what, problems);
        Optional<String> scenarioId = c.text("scenario", true);
        Map<String, YamlNode> variants = c.textList("variants", redFlag);
        Optional<String> opening = c.text("opening", false);
        c.rejectUnknown();
        if (scenarioId.isEmpty()) {
            return Optional.empty();
        }
        Scenario s = scenarios.get(scenarioId.get());
        if (s == null) {
            c.problemAtKey("scenario", "scenario '" + scenarioId.get() + "' is not in the library (or has problems "
                    + "of its own)");
            return Optional.empty();
        }
        variants.forEach((v, node) -> {
            Optional<Scenario.Variant> variant = s.variant(v);
            if (variant.isEmpty()) {
                c.problem(node, "variant '" + v + "' is not one of the variants of " + s.id() + " ("
                        + String.join(", ", s.variants().stream().map(Scenario.Variant::id).toList()) + ")");
            } else if (redFlag && !"true".equals(variant.get().facts().get("red_flag"))) {
                c.problem(node, "variant '" + v + "' of " + s.id() + " has no red flag (red_flag: true), but its pool "
                        + "is for callers hiding a red flag");
            }
        });
        opening.filter(o -> o.length() > MAX_OPENING).ifPresent(o -> c.problemAtKey("opening", "the opening is "
                + o.length() + " characters; keep it under " + MAX_OPENING));
        return Optional.of(new ShiftDefinition.Caller(s.id(), List.copyOf(variants.keySet()), opening.orElse(null),
                c.line()));
    }
}
