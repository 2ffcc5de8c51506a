package uk.carenav.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import uk.carenav.base.SpreadsheetText;

/**
 * Reads a YAML file into {@link YamlNode}s with positions. Defensive: hostile or broken input gives a
 * {@link Problem}, never an exception: files over {@value #MAX_BYTES} bytes, text that is not UTF-8,
 * binary content, nesting deeper than {@value #MAX_DEPTH}, anchors and aliases (no alias bombs),
 * repeated keys and several documents in one file are all refused.
 */
final class YamlTreeReader {

    static final int MAX_BYTES = 512 * 1024;
    static final int MAX_DEPTH = 20;

    private static final YAMLFactory FACTORY = createFactory();

    private YamlTreeReader() {
    }

    private static YAMLFactory createFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH + 5);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(true); // reported below with both positions
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 5).build());
        return factory;
    }

    /** The file's top-level value, or empty with the reasons added to {@code problems}. */
    static Optional<YamlNode> read(String file, byte[] bytes, List<Problem> problems) {
        if (bytes.length > MAX_BYTES) {
            problems.add(new Problem(file, 1, 1, "the file is larger than " + (MAX_BYTES / 1024)
                    + " KB, the limit for one file"));
            return Optional.empty();
        }
        String text;
        try {
            text = SpreadsheetText.strictUtf8().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int[] pos = positionOfFirstBadByte(bytes);
            problems.add(new Problem(file, pos[0], pos[1],
                    "the file is not UTF-8 text; save it as UTF-8 (byte " + pos[2] + " is not valid UTF-8)"));
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int[] pos = lineAndColumn(text, nul);
            problems.add(new Problem(file, pos[0], pos[1], "the file contains binary data (a NUL character), not YAML text"));
            return Optional.empty();
        }
        try (YAMLParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Problem(file, 1, 1, "the file is empty"));
                return Optional.empty();
            }
            YamlNode root = readValue(file, parser, first, 0, problems);
            JsonToken next = parser.nextToken();
            if (next != null) {
                JsonLocation loc = parser.currentTokenLocation();
                problems.add(new Problem(file, loc.getLineNr(), loc.getColumnNr(),
                        "only one YAML document is allowed per file (found another after '---')"));
            }
            return Optional.ofNullable(root);
        } catch (RejectedYaml e) {
            problems.add(new Problem(file, e.line, e.column, e.getMessage()));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            problems.add(new Problem(file, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "YAML syntax error: " + syntaxMessage(e.getOriginalMessage())));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports limits (nesting, size) as runtime exceptions.
            problems.add(new Problem(file, 0, 0, "cannot read the YAML: " + firstLine(String.valueOf(e.getMessage()))));
        }
        return Optional.empty();
    }

    private static YamlNode readValue(String file, YAMLParser p, JsonToken token, int depth, List<Problem> problems)
            throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        if (p.isCurrentAlias()) {
            throw new RejectedYaml(line, col, "YAML aliases (*" + p.getText() + ") are not allowed: write the value out in full");
        }
        if (p.getCurrentAnchor() != null) {
            throw new RejectedYaml(line, col, "YAML anchors (&" + p.getCurrentAnchor() + ") are not allowed: write each value out in full");
        }
        if (depth > MAX_DEPTH) {
            throw new RejectedYaml(line, col, "the file is nested more than " + MAX_DEPTH + " levels deep");
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, int[]> positions = new LinkedHashMap<>();
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String key = p.currentName();
                    YamlNode value = readValue(file, p, p.nextToken(), depth + 1, problems);
                    if (entries.containsKey(key)) {
                        int[] first = positions.get(key);
                        problems.add(new Problem(file, kl.getLineNr(), kl.getColumnNr(), "'" + key
                                + "' appears twice in the same block (first at line " + first[0] + ")"));
                        continue;
                    }
                    entries.put(key, value);
                    positions.put(key, new int[] {kl.getLineNr(), kl.getColumnNr()});
                }
                yield new YamlNode.MapNode(entries, positions, line, col);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(readValue(file, p, t, depth + 1, problems));
                }
                yield new YamlNode.ListNode(items, line, col);
            }
            case VALUE_STRING -> new YamlNode.ScalarNode(p.getText(), YamlNode.ScalarNode.Type.STRING, line, col);
            case VALUE_NUMBER_INT -> new YamlNode.ScalarNode(p.getText(), YamlNode.ScalarNode.Type.INTEGER, line, col);
            case VALUE_NUMBER_FLOAT -> new YamlNode.ScalarNode(p.getText(), YamlNode.ScalarNode.Type.DECIMAL, line, col);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.ScalarNode(p.getText(), YamlNode.ScalarNode.Type.BOOLEAN, line, col);
            case VALUE_NULL -> new YamlNode.ScalarNode(null, YamlNode.ScalarNode.Type.NULL, line, col);
            default -> throw new RejectedYaml(line, col, "unexpected YAML content (" + token + ")");
        };
    }

    /** SnakeYAML's explanation without its excerpts and positions: "while parsing ...: expected ...". */
    private static String syntaxMessage(String message) {
        if (message == null) {
            return "unknown problem";
        }
        List<String> parts = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip).toList();
        String text = parts.isEmpty() ? firstLine(message) : String.join(": ", parts);
        if (message.contains("mapping values are not allowed here")) {
            text += " (a text that contains \": \" must be in quotes, for example answer: \"Yes: since Monday\")";
        }
        return text;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private static int[] lineAndColumn(String text, int index) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    /** Line, column and byte offset (1-based) of the first byte that breaks UTF-8. */
    private static int[] positionOfFirstBadByte(byte[] bytes) {
        var decoder = SpreadsheetText.strictUtf8();
        // The longest valid prefix: binary search on decodability of prefixes is not monotonic at
        // multi-byte boundaries, so walk the bytes instead.
        int i = 0;
        int line = 1;
        int col = 1;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : -1;
            if (len < 0 || i + len > bytes.length) {
                break;
            }
            try {
                decoder.reset();
                decoder.decode(ByteBuffer.wrap(bytes, i, len));
            } catch (CharacterCodingException e) {
                break;
            }
            if (b == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            i += len;
        }
        return new int[] {line, col, i + 1};
    }

    /** Content refused on purpose (aliases, depth), with its position. */
    private static final class RejectedYaml extends RuntimeException {
        final int line;
        final int column;

        RejectedYaml(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }
}
