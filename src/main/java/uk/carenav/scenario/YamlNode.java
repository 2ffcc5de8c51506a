package uk.carenav.scenario;

import java.util.List;
import java.util.Map;

/** A YAML value that remembers where it was written, so every message can name the line and column. */
sealed interface YamlNode {

    int line();

    int column();

    /** A human name for the kind of value, for "expected a list but found text". */
    String kindName();

    record MapNode(Map<String, YamlNode> entries, Map<String, int[]> keyPositions, int line, int column)
            implements YamlNode {
        public String kindName() {
            return "a set of fields";
        }
    }

    record ListNode(List<YamlNode> items, int line, int column) implements YamlNode {
        public String kindName() {
            return "a list";
        }
    }

    /** Text, number, true/false or empty (null). {@code text} is as written; null for an empty value. */
    record ScalarNode(String text, Type type, int line, int column) implements YamlNode {
        enum Type { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

        public String kindName() {
            return switch (type) {
                case STRING -> "text";
                case INTEGER, DECIMAL -> "a number";
                case BOOLEAN -> "true/false";
                case NULL -> "nothing";
            };
        }
    }
}
