package uk.carenav.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reading of one block of YAML fields. Every wrong or missing value is reported as a
 * {@link Problem} at its line and column; reading goes on so that one run lists every error.
 */
final class Fields {

    private final String file;
    private final String what;
    private final YamlNode.MapNode map;
    private final List<Problem> problems;
    private final Set<String> known = new HashSet<>();

    private Fields(String file, String what, YamlNode.MapNode map, List<Problem> problems) {
        this.file = file;
        this.what = what;
        this.map = map;
        this.problems = problems;
    }

    /** Fields of {@code node}, which must be a block of fields; {@code what} names it in messages. */
    static Fields of(String file, YamlNode node, String what, List<Problem> problems) {
        if (node instanceof YamlNode.MapNode m) {
            return new Fields(file, what, m, problems);
        }
        problems.add(new Problem(file, node.line(), node.column(),
                what + " should be a set of fields (name: value), but is " + node.kindName()));
        return new Fields(file, what, new YamlNode.MapNode(Map.of(), Map.of(), node.line(), node.column()), problems);
    }

    String what() {
        return what;
    }

    String file() {
        return file;
    }

    List<Problem> problems() {
        return problems;
    }

    int line() {
        return map.line();
    }

    int column() {
        return map.column();
    }

    boolean has(String key) {
        known.add(key);
        return map.entries().containsKey(key) && !isNull(map.entries().get(key));
    }

    Optional<YamlNode> node(String key, boolean required) {
        known.add(key);
        YamlNode n = map.entries().get(key);
        if (n == null || isNull(n)) {
            if (required) {
                problems.add(new Problem(file, n == null ? map.line() : n.line(), n == null ? map.column() : n.column(),
                        what + " is missing '" + key + "'"));
            }
            return Optional.empty();
        }
        return Optional.of(n);
    }

    Optional<String> text(String key, boolean required) {
        return node(key, required).flatMap(n -> text(n, "'" + key + "' in " + what));
    }

    Optional<String> text(YamlNode n, String name) {
        if (n instanceof YamlNode.ScalarNode s && s.text() != null) {
            if (s.text().isBlank()) {
                problem(n, name + " is empty");
                return Optional.empty();
            }
            return Optional.of(s.text().strip());
        }
        problem(n, name + " should be text, but is " + n.kindName());
        return Optional.empty();
    }

    Optional<Integer> integer(String key, boolean required, int min, int max) {
        return node(key, required).flatMap(n -> {
            if (n instanceof YamlNode.ScalarNode s && s.type() == YamlNode.ScalarNode.Type.INTEGER) {
                try {
                    int v = Integer.parseInt(s.text());
                    if (v < min || v > max) {
                        problem(n, "'" + key + "' in " + what + " should be from " + min + " to " + max + ", but is " + v);
                        return Optional.empty();
                    }
                    return Optional.of(v);
                } catch (NumberFormatException e) {
                    // falls through to the message below
                }
            }
            problem(n, "'" + key + "' in " + what + " should be a whole number, but is " + describe(n));
            return Optional.empty();
        });
    }

    Optional<Boolean> bool(String key) {
        return node(key, false).flatMap(n -> {
            if (n instanceof YamlNode.ScalarNode s && s.type() == YamlNode.ScalarNode.Type.BOOLEAN) {
                return Optional.of(Boolean.parseBoolean(s.text()));
            }
            problem(n, "'" + key + "' in " + what + " should be true or false, but is " + describe(n));
            return Optional.empty();
        });
    }

    List<YamlNode> list(String key, boolean required) {
        return node(key, required).map(n -> {
            if (n instanceof YamlNode.ListNode l) {
                if (required && l.items().isEmpty()) {
                    problem(n, "'" + key + "' in " + what + " needs at least one entry");
                }
                return l.items();
            }
            problem(n, "'" + key + "' in " + what + " should be a list, but is " + n.kindName());
            return List.<YamlNode>of();
        }).orElse(List.of());
    }

    /** A list of text values, each with its node (for positions). */
    Map<String, YamlNode> textList(String key, boolean required) {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (YamlNode item : list(key, required)) {
            text(item, "an entry of '" + key + "' in " + what).ifPresent(t -> {
                if (out.containsKey(t)) {
                    problem(item, "'" + t + "' is listed twice in '" + key + "' of " + what);
                } else {
                    out.put(t, item);
                }
            });
        }
        return out;
    }

    /** Reports every field that no reader asked for: usually a typo. */
    void rejectUnknown() {
        for (var e : map.keyPositions().entrySet()) {
            if (!known.contains(e.getKey())) {
                List<String> allowed = new ArrayList<>(known);
                allowed.sort(null);
                problems.add(new Problem(file, e.getValue()[0], e.getValue()[1], "unknown field '" + e.getKey()
                        + "' in " + what + " (expected one of: " + String.join(", ", allowed) + ")"));
            }
        }
    }

    void problem(YamlNode at, String message) {
        problems.add(new Problem(file, at.line(), at.column(), message));
    }

    void problemAtKey(String key, String message) {
        int[] pos = map.keyPositions().get(key);
        problems.add(pos == null ? new Problem(file, map.line(), map.column(), message)
                : new Problem(file, pos[0], pos[1], message));
    }

    /** The line of {@code key} in this block, or of the block when the key is absent. */
    int lineOfKey(String key) {
        int[] pos = map.keyPositions().get(key);
        return pos == null ? map.line() : pos[0];
    }

    Map<String, YamlNode> entries() {
        return map.entries();
    }

    private static boolean isNull(YamlNode n) {
        return n instanceof YamlNode.ScalarNode s && s.type() == YamlNode.ScalarNode.Type.NULL;
    }

    private static String describe(YamlNode n) {
        return n instanceof YamlNode.ScalarNode s && s.text() != null ? "'" + s.text() + "'" : n.kindName();
    }
}
